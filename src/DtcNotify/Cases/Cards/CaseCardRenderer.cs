using DtcNotify.Bot;
using DtcNotify.Domain.Channels;
using DtcNotify.Teams.Cards;
using DtcNotify.Options;
using DtcNotify.Teams.Connector;
using Microsoft.Extensions.Options;

namespace DtcNotify.Cases.Cards;

/// <summary>Renders a case card from the database with the team's members as reassign choices (roster cached by <see cref="AnalystDirectory"/>).</summary>
internal sealed partial class CaseCardRenderer(
    CaseCardLoader loader, ChannelRegistrar channels, AnalystDirectory analysts, IOptions<TeamsOptions> teams, ILogger<CaseCardRenderer> logger)
{
    /// <param name="texts">The reader's language when it is not the team's (a command in a personal chat).</param>
    public async Task<(AdaptiveCard Card, CaseCardView View)?> RenderAsync(long caseId, string? notice, CancellationToken cancellationToken, Resources.AnalystTexts? texts = null)
    {
        var view = await loader.LoadAsync(caseId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var members = await MembersAsync(await channels.CurrentAsync(cancellationToken), cancellationToken);
        return (CaseCard.Create(view, members, notice, texts ?? teams.Value.Texts), view);
    }

    /// <summary>The case card in the team's language (<c>Teams:Language</c>).</summary>
    public AdaptiveCard Card(CaseCardView view, IReadOnlyList<AssigneeChoice> members, string? notice = null) =>
        CaseCard.Create(view, members, notice, teams.Value.Texts);

    public async Task<IReadOnlyList<AssigneeChoice>> MembersAsync(SpecialistsChannel? channel, CancellationToken cancellationToken)
    {
        if (channel is null)
        {
            return [];
        }

        try
        {
            var roster = await analysts.RosterAsync(channel, cancellationToken);
            return [.. roster.Where(m => m.EntraObjectId is { Length: > 0 })
                .Select(m => new AssigneeChoice(m.EntraObjectId!, m.Name is { Length: > 0 } n ? n : m.EntraObjectId!))
                .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)];
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            // The card still works without the reassign choices; the roster is tried again on the next card.
            Log.RosterUnavailable(logger, ex.GetType().Name);
            return [];
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2302, LogLevel.Warning, "Team roster unavailable ({Error}); the card is rendered without reassign choices")]
        public static partial void RosterUnavailable(ILogger logger, string error);
    }
}
