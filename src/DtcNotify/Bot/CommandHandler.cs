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
    ChannelRegistrar channels, AnalystDirectory analysts, LookupService lookup, CaseCardLoader caseLoader, CaseCardRenderer caseRenderer,
    CaseListQuery caseLists, DigestService digests, DigestSchedule schedule, CaseStatistics statistics, Audit.AuditTrail audit, IOptions<TeamsOptions> teams)
{
    /// <summary>The team's language; in a personal chat the caller's Teams locale when it is Dutch or English.</summary>
    private AnalystTexts TextsFor(Activity activity) =>
        activity.Conversation?.ConversationType == "personal" && activity.Locale is { Length: >= 2 } locale
            && (locale.StartsWith("nl", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            ? AnalystTexts.For(locale)
            : teams.Value.Texts;

    public async Task<AdaptiveCard> AnswerAsync(Activity activity, CancellationToken cancellationToken)
    {
        var command = BotCommand.Parse(MentionText.WithoutBotMentions(activity));
        var t = TextsFor(activity);
        if (command.Name is "help" or "" or "?")
        {
            return HelpCard.Create(texts: t);
        }

        var data = TeamsChannelData.From(activity);
        var channel = await channels.CurrentAsync(cancellationToken);
        if (!channels.IsAllowedTenant(data.TenantId)
            || !await analysts.IsAnalystAsync(activity.From?.AadObjectId, activity.From?.Id, channel, cancellationToken))
        {
            return MessageCard.Create(t[nameof(AnalystText.ReplyNotAllowedTitle)], t[nameof(AnalystText.ReplyNotAllowed)]);
        }

        if (!ChannelRegistrar.IsPrivateToSpecialists(activity, channel))
        {
            return MessageCard.Create(t[nameof(AnalystText.ReplyNotHereTitle)], t[nameof(AnalystText.ReplyNotHere)]);
        }

        return command.Name switch
        {
            "lookup" when command.Argument.Length > 0 => await LookupAsync(command.Argument, t, cancellationToken),
            "case" when command.Argument.Length > 0 => await CaseAsync(command.Argument, t, cancellationToken),
            "cases" when CaseListQuery.Parse(command.Argument) is { } filter =>
                CasesCard.Create(await caseLists.ListAsync(filter, activity.From?.AadObjectId, cancellationToken)),
            "digest" when command.Argument.Length == 0 => DigestCard.Create(await digests.BuildAsync(cancellationToken), schedule.Zone, t),
            "stats" when command.Argument.Length == 0 => StatsCard.Create(await statistics.LoadAsync(cancellationToken), t),
            "audit" => await AuditCommandAnswer.AnswerAsync(audit, command.Argument, activity.Locale, cancellationToken),
            _ => HelpCard.Create(activity.Text, t),
        };
    }

    private async Task<AdaptiveCard> LookupAsync(string query, AnalystTexts t, CancellationToken cancellationToken) =>
        await lookup.FindAsync(query, cancellationToken) is { } company
            ? LookupCard.Create(company)
            : MessageCard.Create(t[nameof(AnalystText.ReplyNoCompanyTitle)], t[nameof(AnalystText.ReplyNoCompany)], query);

    private async Task<AdaptiveCard> CaseAsync(string reference, AnalystTexts t, CancellationToken cancellationToken) =>
        await caseLoader.FindIdAsync(reference, cancellationToken) is { } id
            && await caseRenderer.RenderAsync(id, null, cancellationToken, t) is { } rendered
            ? rendered.Card
            : MessageCard.Create(t[nameof(AnalystText.ReplyNoCaseTitle)], t[nameof(AnalystText.ReplyNoCase)], reference);
}
