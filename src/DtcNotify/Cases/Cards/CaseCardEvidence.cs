using System.Globalization;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// What was seen: the count and period, then up to <see cref="Shown"/> observations, each with its time (Amsterdam), address or
/// URL, host name, protocol, product and tag where the feed gave them, and the report; "+N more" after that.
/// </summary>
internal static class CaseCardEvidence
{
    public const int Shown = 5;

    public static IEnumerable<CardElement> Elements(CaseCardContext context)
    {
        var (view, t) = (context.View, context.Texts);
        var c = view.Case;
        yield return CaseCard.Section(t[nameof(AnalystText.CardEvidenceHeading)]);
        yield return new TextBlock(c.ObservationCount == 1
            ? t.Format(nameof(AnalystText.CardEvidenceSummaryOne), 1, t.When(c.LastSeen))
            : t.Format(nameof(AnalystText.CardEvidenceSummary), c.ObservationCount.ToString(t.Culture), t.When(c.FirstSeen), t.When(c.LastSeen))) { Spacing = "Small" };
        var shown = view.Evidence.Take(Math.Min(Shown, context.L(Shown))).ToList();
        foreach (var evidence in shown)
        {
            yield return new TextBlock("• " + Line(evidence, context)) { Spacing = "None" };
        }

        var more = c.ObservationCount - shown.Count;
        if (more > 0 && shown.Count > 0)
        {
            yield return new TextBlock(t.Format(nameof(AnalystText.CardEvidenceMore), more.ToString(t.Culture))) { IsSubtle = true, Spacing = "None" };
        }
    }

    /// <summary>"26-11-2026 11:00 CET · 192.0.2.7:21 · ftp.korst.example · ftp · ProFTPD 1.3.5 · Accessible-FTP" (escaped).</summary>
    internal static string Line(CardEvidence e, CaseCardContext context)
    {
        var parts = new List<string> { context.Texts.When(e.Time), CardText.Escape(e.Address, context.L(200)) };
        foreach (var part in new[] { e.HostName, e.Protocol, e.Product, e.Tag })
        {
            if (part is { Length: > 0 } && !string.Equals(part, e.Address, StringComparison.OrdinalIgnoreCase))
            {
                parts.Add(CardText.Escape(part, context.L(100)));
            }
        }

        if (e.Report is { Length: > 0 } report)
        {
            parts.Add(context.Texts.Format(nameof(AnalystText.CardEvidenceReport), CardText.Escape(report, context.L(100))));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>An address as people write it: <c>192.0.2.7:21</c>, <c>[2001:db8::1]:443</c>; else the URL, host, account or matched asset.</summary>
    public static string Address(string? ip, int? port, string? fqdn, string? url, string? account, string matchedAsset) =>
        url ?? (ip is not null
            ? port is { } p ? (ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]:{p.ToString(CultureInfo.InvariantCulture)}" : $"{ip}:{p.ToString(CultureInfo.InvariantCulture)}") : ip
            : fqdn ?? account ?? matchedAsset);
}
