using DtcNotify.Bot.Cards;
using DtcNotify.AssetIndexing;
using DtcNotify.Matching;
using DtcNotify.Options;
using DtcNotify.Resources;
using Microsoft.Extensions.Options;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Bot;

/// <summary>
/// The search message extension (teams-protocol §C.6): command <c>lookupCompany</c>, parameter <c>query</c>. Answers with
/// the company card and a thumbnail preview. Teams waits 5 seconds, so the lookup gets 4 and then says so.
/// The same people as for chat commands may search: registry data is for the specialists' team only.
/// </summary>
internal sealed partial class ComposeExtensionHandler(
    AnalystGate gate, LookupService lookup, IOptions<TeamsOptions> teams, ILogger<ComposeExtensionHandler> logger)
{
    public const string CommandId = "lookupCompany";
    public const string QueryParameter = "query";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    public async Task<InvokeResponse> QueryAsync(Activity activity, CancellationToken cancellationToken)
    {
        var t = CallerTexts.For(activity, teams.Value.Texts);
        if (!ComposeExtensionQuery.TryRead(activity, out var query) || query.CommandId != CommandId)
        {
            return ComposeExtensionResponse.Message(t[nameof(AnalystText.SearchUnknownCommand)]);
        }

        var text = query.Parameter(QueryParameter)?.Trim() ?? "";
        if (query.IsInitialRun || text.Length == 0)
        {
            return ComposeExtensionResponse.Message(t[nameof(AnalystText.SearchPrompt)]);
        }

        switch ((await gate.CheckAsync(activity, AnalystPlace.PrivateToSpecialists, cancellationToken)).Refusal)
        {
            case AnalystRefusal.NotAnalyst:
                return ComposeExtensionResponse.Message(t[nameof(AnalystText.SearchNotAllowed)]);
            case AnalystRefusal.NotHere:
                return ComposeExtensionResponse.Message(t[nameof(AnalystText.SearchNotHere)]);
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
            return ComposeExtensionResponse.Message(t[nameof(AnalystText.SearchTooSlow)]);
        }

        if (company is null)
        {
            return ComposeExtensionResponse.Message(t[nameof(AnalystText.SearchNoCompany)]);
        }

        var card = LookupCard.Create(company, t);
        return ComposeExtensionResponse.Results([new ComposeExtensionAttachment(ContentTypes.AdaptiveCard, card.ToJsonElement(), new ComposeExtensionPreview(SearchPreview.Create(company, t)))]);
    }

    private static partial class Log
    {
        // The query itself may be a person's e-mail address or name: only its length is logged.
        [LoggerMessage(2206, LogLevel.Warning, "Message extension lookup ({Length} characters) exceeded its time budget")]
        public static partial void TooSlow(ILogger logger, int length);
    }
}
