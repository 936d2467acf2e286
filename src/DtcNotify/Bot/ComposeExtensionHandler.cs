using DtcNotify.Bot.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.AssetIndexing;
using DtcNotify.Matching;
using DtcNotify.Teams.Cards;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Bot;

/// <summary>
/// The search message extension (teams-protocol §C.6): command <c>lookupCompany</c>, parameter <c>query</c>. Answers with
/// the company card and a thumbnail preview. Teams waits 5 seconds, so the lookup gets 4 and then says so.
/// The same people as for chat commands may search: registry data is for the specialists' team only.
/// </summary>
internal sealed partial class ComposeExtensionHandler(
    ChannelRegistrar channels, AnalystDirectory analysts, LookupService lookup, ILogger<ComposeExtensionHandler> logger)
{
    public const string CommandId = "lookupCompany";
    public const string QueryParameter = "query";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    public async Task<InvokeResponse> QueryAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!ComposeExtensionQuery.TryRead(activity, out var query) || query.CommandId != CommandId)
        {
            return ComposeExtensionResponse.Message("This search command is not known to DtcNotify.");
        }

        var text = query.Parameter(QueryParameter)?.Trim() ?? "";
        if (query.IsInitialRun || text.Length == 0)
        {
            return ComposeExtensionResponse.Message("Type a KvK number, company name, domain, IP address or e-mail address.");
        }

        var channel = await channels.CurrentAsync(cancellationToken);
        if (!channels.IsAllowedTenant(TeamsChannelData.From(activity).TenantId)
            || !await analysts.IsAnalystAsync(activity.From?.AadObjectId, activity.From?.Id, channel, cancellationToken))
        {
            return ComposeExtensionResponse.Message("Only members of the DTC specialists' team may search companies.");
        }

        if (!ChannelRegistrar.IsPrivateToSpecialists(activity, channel))
        {
            return ComposeExtensionResponse.Message("Company search works in a personal chat with the bot and in the specialists' team only.");
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        CompanyLookup? company;
        try
        {
            company = await lookup.FindAsync(text, budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TooSlow(logger, text.Length);
            return ComposeExtensionResponse.Message("The search took too long; try a KvK number, domain or IP address.");
        }

        if (company is null)
        {
            return ComposeExtensionResponse.Message("No company in the registry matches that.");
        }

        var card = LookupCard.Create(company);
        var open = company.Cases.Count(c => CaseStatusNames.Parse(c.Status) is not (CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Suppressed or CaseStatus.Resolved));
        var preview = new ThumbnailCardContent(
            CardText.Plain(company.Name, 200), $"KvK {company.Kvk}", $"{open} open case(s){(company.Vital ? " · vital (NCSC)" : "")}");
        return ComposeExtensionResponse.Results([new ComposeExtensionAttachment(ContentTypes.AdaptiveCard, card.ToJsonElement(), new ComposeExtensionPreview(preview))]);
    }

    private static partial class Log
    {
        // The query itself may be a person's e-mail address or name: only its length is logged.
        [LoggerMessage(1, LogLevel.Warning, "Message extension lookup ({Length} characters) exceeded its time budget")]
        public static partial void TooSlow(ILogger logger, int length);
    }
}
