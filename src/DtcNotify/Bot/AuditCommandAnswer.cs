using DtcNotify.Audit;
using DtcNotify.Bot.Cards;
using DtcNotify.Domain.Companies;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot;

/// <summary>The bot's <c>audit DTC-…</c> (a case) and <c>audit &lt;KvK&gt;</c> (a company and its cases); analysts only, like every command but help.</summary>
internal static class AuditCommandAnswer
{
    public static async Task<AdaptiveCard> AnswerAsync(AuditTrail audit, string argument, AnalystTexts texts, CancellationToken cancellationToken)
    {
        var subject = argument.Trim();
        if (subject.Length == 0)
        {
            return MessageCard.Create("audit", texts[nameof(AnalystText.AuditUsage)]);
        }

        var lines = KvkNumber.IsValid(subject) ? await audit.ForCompanyAsync(subject, cancellationToken) : await audit.ForCaseAsync(subject, cancellationToken);
        return lines is null
            ? MessageCard.Create("audit", texts.Format(nameof(AnalystText.AuditNotFound), "…"), subject)
            : AuditCard.Create(subject.ToUpperInvariant(), lines, texts);
    }
}
