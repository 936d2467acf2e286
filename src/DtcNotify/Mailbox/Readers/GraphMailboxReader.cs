using System.Net;
using DtcNotify.Mailbox.Processing;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;
using Microsoft.Kiota.Abstractions;

namespace DtcNotify.Mailbox.Readers;

/// <summary>
/// The shared mailbox (<c>Mail:From</c>) over Graph, app-only: the inbox by delta query, each new message's raw MIME by
/// <c>$value</c>, then a move to <c>Mail:Inbox:ProcessedFolder</c> (created under the inbox when missing). The delta link
/// is stored only after the last page, so a round that fails half-way is replayed from the previous link; the processor
/// recognises what it already recorded. Throttling is the Graph client's own retry handler (429/503 with Retry-After).
/// An expired delta link (410 Gone, <c>syncStateNotFound</c>) starts a full resync.
/// </summary>
internal sealed class GraphMailboxReader(GraphServiceClient graph, string mailbox, string processedFolder, long maxBytes, MailboxCursorStore cursors) : IMailboxReader
{
    private const int PageSize = 50;

    public string Name => "Graph";

    private string CursorName => $"graph:{mailbox}:inbox";

    public async Task ReadAsync(ProcessMail process, CancellationToken ct)
    {
        var link = await cursors.GetAsync(CursorName, ct);
        DeltaGetResponse? page;
        try
        {
            page = await FirstPageAsync(link, ct);
        }
        catch (ApiException e) when (link is not null && IsExpired(e))
        {
            await cursors.SetAsync(CursorName, null, ct);
            page = await FirstPageAsync(null, ct);
        }

        string? folderId = null;
        while (page is not null)
        {
            foreach (var message in page.Value ?? [])
            {
                if (message.Id is not { Length: > 0 } id || message.AdditionalData.ContainsKey("@removed"))
                {
                    continue; // moved out (by us) or deleted: nothing to read
                }

                byte[]? content;
                await using (var stream = await graph.Users[mailbox].Messages[id].Content.GetAsync(cancellationToken: ct) ?? Stream.Null)
                {
                    content = await BoundedContent.ReadAsync(stream, maxBytes, ct);
                }

                await process(new RawMail(Name, id, content, content?.LongLength ?? maxBytes + 1, content is null ? BoundedContent.TooLarge(null, maxBytes) : null), ct);
                folderId ??= await ProcessedFolderIdAsync(ct);
                await MoveAsync(id, folderId, ct);
            }

            if (page.OdataNextLink is { Length: > 0 } next)
            {
                page = await Delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: ct);
            }
            else
            {
                await cursors.SetAsync(CursorName, page.OdataDeltaLink, ct);
                page = null;
            }
        }
    }

    private DeltaRequestBuilder Delta => graph.Users[mailbox].MailFolders["inbox"].Messages.Delta;

    private Task<DeltaGetResponse?> FirstPageAsync(string? link, CancellationToken ct) => link is null
        ? Delta.GetAsDeltaGetResponseAsync(c =>
        {
            c.QueryParameters.Select = ["id", "internetMessageId", "receivedDateTime"];
            c.Headers.Add("Prefer", $"odata.maxpagesize={PageSize}");
        }, ct)
        : Delta.WithUrl(link).GetAsDeltaGetResponseAsync(c => c.Headers.Add("Prefer", $"odata.maxpagesize={PageSize}"), ct);

    private async Task MoveAsync(string id, string folderId, CancellationToken ct)
    {
        try
        {
            await graph.Users[mailbox].Messages[id].Move.PostAsync(new Microsoft.Graph.Users.Item.Messages.Item.Move.MovePostRequestBody { DestinationId = folderId }, cancellationToken: ct);
        }
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            // Someone moved or deleted it meanwhile: it is out of the inbox, which is all the move was for.
        }
    }

    private async Task<string> ProcessedFolderIdAsync(CancellationToken ct)
    {
        var folders = graph.Users[mailbox].MailFolders["inbox"].ChildFolders;
        var existing = await folders.GetAsync(c => c.QueryParameters.Filter = $"displayName eq '{processedFolder.Replace("'", "''", StringComparison.Ordinal)}'", ct);
        if (existing?.Value?.FirstOrDefault(f => string.Equals(f.DisplayName, processedFolder, StringComparison.OrdinalIgnoreCase))?.Id is { } id)
        {
            return id;
        }

        var created = await folders.PostAsync(new Microsoft.Graph.Models.MailFolder { DisplayName = processedFolder }, cancellationToken: ct);
        return created?.Id ?? throw new InvalidOperationException("Graph created the processed folder without an id");
    }

    private static bool IsExpired(ApiException e) =>
        e.ResponseStatusCode == (int)HttpStatusCode.Gone
        || (e is Microsoft.Graph.Models.ODataErrors.ODataError { Error.Code: { } code } && code.Contains("syncStateNotFound", StringComparison.OrdinalIgnoreCase));
}
