using DtcNotify.Bot.Cards;
using DtcNotify.Cases;
using DtcNotify.Cases.Cards;
using DtcNotify.Digest;
using DtcNotify.AssetIndexing;
using DtcNotify.Matching;
using DtcNotify.Options;
using DtcNotify.Resources;
using Microsoft.Extensions.Options;
using DtcNotify.Teams.Cards;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Bot;

/// <summary>Turns a chat message into an answer card. Everything but <c>help</c> shows registry data, so it is for analysts only.</summary>
internal sealed class CommandHandler(
    AnalystGate gate, LookupService lookup, CaseCardLoader caseLoader, CaseCardRenderer caseRenderer,
    CaseListQuery caseLists, DigestService digests, DigestSchedule schedule, CaseStatistics statistics, Audit.AuditTrail audit, Cases.Posting.UncertainPosting posting, IOptions<TeamsOptions> teams)
{
    public async Task<AdaptiveCard> AnswerAsync(Activity activity, CancellationToken cancellationToken)
    {
        var command = BotCommand.Parse(MentionText.WithoutBotMentions(activity));
        var t = CallerTexts.For(activity, teams.Value.Texts);
        if (command.Name is "help" or "" or "?")
        {
            return HelpCard.Create(texts: t);
        }

        var admission = await gate.CheckAsync(activity, AnalystPlace.PrivateToSpecialists, cancellationToken);
        switch (admission.Refusal)
        {
            case AnalystRefusal.NotAnalyst:
                return MessageCard.Create(t[nameof(AnalystText.ReplyNotAllowedTitle)], t[nameof(AnalystText.ReplyNotAllowed)]);
            case AnalystRefusal.NotHere:
                return MessageCard.Create(t[nameof(AnalystText.ReplyNotHereTitle)], t[nameof(AnalystText.ReplyNotHere)]);
        }

        return command.Name switch
        {
            "lookup" when command.Argument.Length > 0 => await LookupAsync(command.Argument, t, cancellationToken),
            "case" when command.Argument.Length > 0 => await CaseAsync(command.Argument, t, cancellationToken),
            "cases" when CaseListQuery.Parse(command.Argument) is { } filter =>
                CasesCard.Create(await caseLists.ListAsync(filter, activity.From?.AadObjectId, cancellationToken), t),
            "digest" when command.Argument.Length == 0 => DigestCard.Create(await digests.BuildAsync(cancellationToken), schedule.Zone, t),
            "stats" when command.Argument.Length == 0 => StatsCard.Create(await statistics.LoadAsync(cancellationToken), t),
            "audit" => await AuditCommandAnswer.AnswerAsync(audit, command.Argument, t, cancellationToken),
            "posting" => await PostingCommandAnswer.AnswerAsync(posting, command.Argument, admission.Actor, admission.Channel, t, cancellationToken),
            _ => HelpCard.Create(activity.Text, t),
        };
    }

    private async Task<AdaptiveCard> LookupAsync(string query, AnalystTexts t, CancellationToken cancellationToken) =>
        await lookup.FindAsync(query, cancellationToken) is { } company
            ? LookupCard.Create(company, t)
            : MessageCard.Create(t[nameof(AnalystText.ReplyNoCompanyTitle)], t[nameof(AnalystText.ReplyNoCompany)], query);

    private async Task<AdaptiveCard> CaseAsync(string reference, AnalystTexts t, CancellationToken cancellationToken) =>
        await caseLoader.FindIdAsync(reference, cancellationToken) is { } id
            && await caseRenderer.RenderAsync(id, null, cancellationToken, t) is { } rendered
            ? rendered.Card
            : MessageCard.Create(t[nameof(AnalystText.ReplyNoCaseTitle)], t[nameof(AnalystText.ReplyNoCase)], reference);
}
