using DtcNotify.Bot.Cards;
using DtcNotify.Cases;
using DtcNotify.Cases.Cards;
using DtcNotify.Digest;
using DtcNotify.Matching;
using DtcNotify.Teams.Cards;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Bot;

/// <summary>Turns a chat message into an answer card. Everything but <c>help</c> shows registry data, so it is for analysts only.</summary>
internal sealed class CommandHandler(
    ChannelRegistrar channels, AnalystDirectory analysts, LookupService lookup, CaseCardLoader caseLoader, CaseCardRenderer caseRenderer,
    CaseListQuery caseLists, DigestService digests, DigestSchedule schedule, CaseStatistics statistics, Audit.AuditTrail audit)
{
    public async Task<AdaptiveCard> AnswerAsync(Activity activity, CancellationToken cancellationToken)
    {
        var command = BotCommand.Parse(MentionText.WithoutBotMentions(activity));
        if (command.Name is "help" or "" or "?")
        {
            return HelpCard.Create();
        }

        var data = TeamsChannelData.From(activity);
        var channel = await channels.CurrentAsync(cancellationToken);
        if (!channels.IsAllowedTenant(data.TenantId)
            || !await analysts.IsAnalystAsync(activity.From?.AadObjectId, activity.From?.Id, channel, cancellationToken))
        {
            return MessageCard.Create("Not allowed", "Only members of the DTC specialists' team may use this command.");
        }

        if (!ChannelRegistrar.IsPrivateToSpecialists(activity, channel))
        {
            return MessageCard.Create("Not here", "Registry and case data is shown only in a personal chat with the bot or in the specialists' channel.");
        }

        return command.Name switch
        {
            "lookup" when command.Argument.Length > 0 => await LookupAsync(command.Argument, cancellationToken),
            "case" when command.Argument.Length > 0 => await CaseAsync(command.Argument, cancellationToken),
            "cases" when CaseListQuery.Parse(command.Argument) is { } filter =>
                CasesCard.Create(await caseLists.ListAsync(filter, activity.From?.AadObjectId, cancellationToken)),
            "digest" when command.Argument.Length == 0 => DigestCard.Create(await digests.BuildAsync(cancellationToken), schedule.Zone),
            "stats" when command.Argument.Length == 0 => StatsCard.Create(await statistics.LoadAsync(cancellationToken)),
            "audit" => await AuditCommandAnswer.AnswerAsync(audit, command.Argument, activity.Locale, cancellationToken),
            _ => HelpCard.Create(activity.Text),
        };
    }

    private async Task<AdaptiveCard> LookupAsync(string query, CancellationToken cancellationToken) =>
        await lookup.FindAsync(query, cancellationToken) is { } company
            ? LookupCard.Create(company)
            : MessageCard.Create("No company found", "Nothing in the registry matches:", query);

    private async Task<AdaptiveCard> CaseAsync(string reference, CancellationToken cancellationToken) =>
        await caseLoader.FindIdAsync(reference, cancellationToken) is { } id
            && await caseRenderer.RenderAsync(id, null, cancellationToken) is { } rendered
            ? rendered.Card
            : MessageCard.Create("No such case", "No case has this reference:", reference);
}
