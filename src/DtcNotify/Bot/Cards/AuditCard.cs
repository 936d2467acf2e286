using DtcNotify.Audit;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>
/// The answer to <c>audit DTC-…</c> / <c>audit &lt;KvK&gt;</c>: the newest <see cref="MaxLines"/> steps, oldest first, each
/// "when · who · what · before → after". Actor names and states come from Teams, feeds and the registry: text runs only.
/// </summary>
internal static class AuditCard
{
    public const int MaxLines = 30;
    private const int MaxState = 200;

    public static AdaptiveCard Create(string subject, IReadOnlyList<AuditLine> lines, AnalystTexts texts)
    {
        var body = new List<CardElement> { new TextBlock(CardText.Escape(texts.Format(nameof(AnalystText.AuditTitle), subject), 120)) { Size = "Large", Weight = "Bolder" } };
        if (lines.Count == 0)
        {
            body.Add(new TextBlock(CardText.Escape(texts.Format(nameof(AnalystText.AuditNothing), subject), 200)));
        }

        if (lines.Count > MaxLines)
        {
            body.Add(new TextBlock(texts.Format(nameof(AnalystText.AuditOlder), lines.Count - MaxLines)) { IsSubtle = true });
        }

        foreach (var line in lines.Skip(Math.Max(0, lines.Count - MaxLines)))
        {
            var when = texts.When(line.At);
            var actor = line.Actor.StartsWith("system:", StringComparison.Ordinal) ? $"{texts[nameof(AnalystText.AuditSystem)]} ({line.Actor[7..]})" : line.Actor;
            body.Add(new RichTextBlock(
            [
                new TextRun(when) { IsSubtle = true },
                new TextRun($" · {Short(actor, 120)} · ") { },
                new TextRun(Short($"{line.Case} {line.Action}".Trim(), 100)) { Weight = "Bolder" },
                new TextRun($"  {Short(line.Before?.ToJsonString() ?? "—", MaxState)} → {Short(line.After?.ToJsonString() ?? "—", MaxState)}") { IsSubtle = true },
            ]) { Separator = true });
        }

        return new AdaptiveCard(body) { FallbackText = texts.Format(nameof(AnalystText.AuditTitle), Short(subject, 40)) };
    }

    // Text runs are never markdown; control characters and length are the only care.
    private static string Short(string value, int max) => CardText.Plain(value, max);
}
