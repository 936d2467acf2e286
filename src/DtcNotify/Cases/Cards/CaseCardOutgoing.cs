using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// What an approval will send: channel, recipient, the company's language, the subject, and "Preview" with the plain-text
/// body exactly as it goes out (the e-mail's text part, or the call script). Shown while the case can still be sent.
/// </summary>
internal static class CaseCardOutgoing
{
    public const string PreviewId = "preview";

    public static IEnumerable<CardElement> Elements(CaseCardContext context)
    {
        var (view, t) = (context.View, context.Texts);
        if (view.Preview is not { } preview || view.Case.Status is not (CaseStatus.Proposed or CaseStatus.Approved or CaseStatus.DeliveryFailed))
        {
            yield break;
        }

        var phone = preview.Channel == CaseChannel.Phone;
        yield return CaseCard.Section(t[nameof(AnalystText.CardOutgoingHeading)]);
        var recipient = preview.RecipientName is { Length: > 0 } name ? $"{name} · {preview.Recipient}" : preview.Recipient;
        yield return new FactSet(
        [
            new Fact(t[nameof(AnalystText.CardOutgoingChannel)], t.Channel(preview.Channel)),
            new Fact(t[nameof(AnalystText.CardOutgoingRecipient)], CardText.Escape(recipient, context.L(200))),
            new Fact(t[nameof(AnalystText.CardOutgoingLanguage)], t.LanguageName(preview.Language)),
            new Fact(t[phone ? nameof(AnalystText.CardOutgoingTask) : nameof(AnalystText.CardOutgoingSubject)], CardText.Escape(preview.Subject, context.L(300))),
        ]) { Spacing = "Small" };
        yield return new ActionSet([new ShowCardAction(t[nameof(AnalystText.CardOutgoingPreview)], new AdaptiveCard(Body(preview, context)) { Teams = null })]) { Spacing = "Small" };
    }

    /// <summary>The body one line per TextBlock (a TextBlock's markdown would join lines); a blank line becomes spacing.</summary>
    private static List<CardElement> Body(CasePreview preview, CaseCardContext context)
    {
        var lines = new List<CardElement>();
        var gap = false;
        foreach (var line in preview.Body.Split('\n').Take(context.L(200)))
        {
            if (line.Trim().Length == 0)
            {
                gap = true;
                continue;
            }

            lines.Add(new TextBlock(CardText.Escape(line, context.L(600))) { Spacing = gap ? "Medium" : "None", Id = lines.Count == 0 ? PreviewId : null });
            gap = false;
        }

        return lines.Count == 0 ? [new TextBlock("—")] : lines;
    }
}
