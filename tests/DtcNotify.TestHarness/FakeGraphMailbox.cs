using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.TestHarness;

/// <summary>
/// A fake Graph mailbox over HTTP on 127.0.0.1, at the protocol level the mailbox reader uses (<c>mailbox.md</c> §1):
/// the inbox's <c>messages/delta</c> with paged <c>@odata.nextLink</c> and a final <c>@odata.deltaLink</c> (a later call
/// returns only what arrived since, moved messages as <c>@removed</c>), raw MIME by <c>$value</c>, <c>move</c> (201 with a
/// new id), the inbox's child folders (list with <c>$filter</c>, create), scripted 429s with Retry-After, and an expired
/// delta token (410 Gone, <c>syncStateNotFound</c>); and the delivery side (sendMail, Planner and To Do tasks,
/// <see cref="FakeGraphMailbox"/>.Delivery.cs) with the fault switch of the fake connector (FakeGraphMailbox.Faults.cs).
/// </summary>
public sealed partial class FakeGraphMailbox : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<(long Sequence, string Id, byte[] Mime)> _inbox = [];
    private readonly List<(long Sequence, string Id)> _removed = [];
    private readonly ConcurrentDictionary<string, string> _folders = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string Method, string Path)> _requests = new();
    private readonly ConcurrentQueue<(string PathPart, int RetryAfterSeconds)> _throttles = new();
    private readonly ConcurrentDictionary<string, string> _moved = new();
    private long _sequence;
    private WebApplication? _app;

    private FakeGraphMailbox()
    {
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/v1.0</c>, for <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public int PageSize { get; set; } = 2;

    /// <summary>Delta tokens at or below this are expired: Graph answers 410 Gone.</summary>
    public long ExpiredBelow { get; set; }

    public IReadOnlyList<(string Method, string Path)> Requests => [.. _requests];

    /// <summary>Message id → the folder id it was moved to.</summary>
    public IReadOnlyDictionary<string, string> Moved => _moved;

    public IReadOnlyDictionary<string, string> Folders => _folders;

    public int InboxCount
    {
        get
        {
            lock (_gate)
            {
                return _inbox.Count;
            }
        }
    }

    public static async Task<FakeGraphMailbox> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new FakeGraphMailbox();
        var (app, baseUri) = await LoopbackServer.StartAsync(a => a.Run(fake.HandleAsync), null, cancellationToken).ConfigureAwait(false);
        fake._app = app;
        fake.BaseUrl = baseUri.GetLeftPart(UriPartial.Authority) + "/v1.0";
        return fake;
    }

    /// <summary>A message arrives in the inbox; returns its Graph id.</summary>
    public string Deliver(byte[] mime)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            var id = $"AAMk{sequence:D4}{Guid.NewGuid():N}";
            _inbox.Add((sequence, id, mime));
            return id;
        }
    }

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathPart"/> get 429 with Retry-After.</summary>
    public void Throttle(string pathPart, int times = 1, int retryAfterSeconds = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _throttles.Enqueue((pathPart, retryAfterSeconds));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // A bug in the fake shows up in the test's failure, not as a bare 500.
            context.Response.StatusCode = 500;
            await Error(context, "FakeGraphFailure", e.ToString()).ConfigureAwait(false);
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        _requests.Enqueue((context.Request.Method, path + context.Request.QueryString.Value));
        if (await AnsweredByScriptAsync(context, path).ConfigureAwait(false))
        {
            return;
        }

        if (_throttles.TryPeek(out var throttle) && path.Contains(throttle.PathPart, StringComparison.Ordinal) && _throttles.TryDequeue(out _))
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = throttle.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Error(context, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.").ConfigureAwait(false);
            return;
        }

        if (DeltaPath().IsMatch(path) && context.Request.Method == "GET")
        {
            await DeltaAsync(context).ConfigureAwait(false);
        }
        else if (ValuePath().Match(path) is { Success: true } value && context.Request.Method == "GET")
        {
            await ContentAsync(context, value.Groups["id"].Value).ConfigureAwait(false);
        }
        else if (MovePath().Match(path) is { Success: true } move && context.Request.Method == "POST")
        {
            await MoveAsync(context, move.Groups["id"].Value).ConfigureAwait(false);
        }
        else if (FoldersPath().IsMatch(path))
        {
            await FoldersAsync(context).ConfigureAwait(false);
        }
        else if (!await DeliveryAsync(context, path).ConfigureAwait(false))
        {
            context.Response.StatusCode = 404;
            await Error(context, "ResourceNotFound", $"no route {path}").ConfigureAwait(false);
        }
    }

    private async Task DeltaAsync(HttpContext context)
    {
        var query = context.Request.Query;
        long since = long.TryParse(query["$deltatoken"], CultureInfo.InvariantCulture, out var token) ? token : 0;
        if (since > 0 && since <= ExpiredBelow)
        {
            context.Response.StatusCode = 410;
            await Error(context, "SyncStateNotFound", "The sync state generation is not found.").ConfigureAwait(false);
            return;
        }

        // $skiptoken = "<last sequence returned>:<snapshot>": a round pages through the changes as they were when it began,
        // like Graph's own skip tokens, however the mailbox changes meanwhile (our moves, new mail).
        var skip = query["$skiptoken"].ToString().Split(':') is [var a, var b] ? (After: long.Parse(a, CultureInfo.InvariantCulture), Snapshot: long.Parse(b, CultureInfo.InvariantCulture)) : (After: since, Snapshot: long.MaxValue);
        var user = Segment(context, 2);
        JsonObject page;
        lock (_gate)
        {
            var snapshot = Math.Min(skip.Snapshot, _sequence);
            var changes = _inbox.Select(m => (m.Sequence, Item: new JsonObject { ["id"] = m.Id, ["internetMessageId"] = $"<{m.Id}@fake>" }))
                .Concat(_removed.Select(r => (r.Sequence, Item: new JsonObject { ["id"] = r.Id, ["@removed"] = new JsonObject { ["reason"] = "deleted" } })))
                .Where(c => c.Sequence > skip.After && c.Sequence <= snapshot)
                .OrderBy(c => c.Sequence).ToList();
            var taken = changes.Take(PageSize).ToList();
            page = new JsonObject { ["value"] = new JsonArray([.. taken.Select(c => (JsonNode)c.Item)]) };
            if (changes.Count > PageSize)
            {
                page["@odata.nextLink"] = $"{BaseUrl}/users/{user}/mailFolders/inbox/messages/delta?$skiptoken={taken[^1].Sequence}:{snapshot}";
            }
            else
            {
                page["@odata.deltaLink"] = $"{BaseUrl}/users/{user}/mailFolders/inbox/messages/delta?$deltatoken={snapshot}";
            }
        }

        await Json(context, page).ConfigureAwait(false);
    }

    private async Task ContentAsync(HttpContext context, string id)
    {
        byte[]? mime;
        lock (_gate)
        {
            mime = _inbox.FirstOrDefault(m => m.Id == id).Mime;
        }

        if (mime is null)
        {
            context.Response.StatusCode = 404;
            await Error(context, "ErrorItemNotFound", "The specified object was not found in the store.").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "message/rfc822";
        await context.Response.Body.WriteAsync(mime).ConfigureAwait(false);
    }

    private async Task MoveAsync(HttpContext context, string id)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        // The SDK writes the action parameter as "DestinationId"; Graph reads it case-insensitively.
        var destination = body.RootElement.EnumerateObject().FirstOrDefault(p => p.NameEquals("destinationId") || p.NameEquals("DestinationId")).Value.GetString() ?? "";
        lock (_gate)
        {
            var index = _inbox.FindIndex(m => m.Id == id);
            if (index < 0 || !_folders.Values.Contains(destination))
            {
                context.Response.StatusCode = 404;
            }
            else
            {
                _inbox.RemoveAt(index);
                _removed.Add((++_sequence, id));
                _moved[id] = destination;
            }
        }

        if (context.Response.StatusCode == 404)
        {
            await Error(context, "ErrorItemNotFound", "The specified object was not found in the store.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 201;
        await Json(context, new JsonObject { ["id"] = $"moved-{id}", ["parentFolderId"] = destination }).ConfigureAwait(false);
    }

    private async Task FoldersAsync(HttpContext context)
    {
        if (context.Request.Method == "POST")
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
            var name = body.RootElement.GetProperty("displayName").GetString() ?? "";
            var id = _folders.GetOrAdd(name, _ => $"folder-{Guid.NewGuid():N}");
            context.Response.StatusCode = 201;
            await Json(context, new JsonObject { ["id"] = id, ["displayName"] = name }).ConfigureAwait(false);
            return;
        }

        var filter = FilterName().Match(context.Request.Query["$filter"].ToString());
        var folders = _folders.Where(f => !filter.Success || string.Equals(f.Key, filter.Groups["name"].Value.Replace("''", "'", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            .Select(f => (JsonNode)new JsonObject { ["id"] = f.Value, ["displayName"] = f.Key });
        await Json(context, new JsonObject { ["value"] = new JsonArray([.. folders]) }).ConfigureAwait(false);
    }

    private static string Segment(HttpContext context, int index) => (context.Request.Path.Value ?? "").Split('/')[index + 1];

    private static Task Json(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Error(HttpContext context, string code, string message) =>
        Json(context, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    [GeneratedRegex(@"^/v1\.0/users/[^/]+/mailFolders/inbox/messages/delta(\(\))?$")]
    private static partial Regex DeltaPath();

    [GeneratedRegex(@"^/v1\.0/users/[^/]+/messages/(?<id>[^/]+)/\$value$")]
    private static partial Regex ValuePath();

    [GeneratedRegex(@"^/v1\.0/users/[^/]+/messages/(?<id>[^/]+)/move$")]
    private static partial Regex MovePath();

    [GeneratedRegex(@"^/v1\.0/users/[^/]+/mailFolders/inbox/childFolders$")]
    private static partial Regex FoldersPath();

    [GeneratedRegex(@"displayName eq '(?<name>(?:[^']|'')*)'")]
    private static partial Regex FilterName();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
