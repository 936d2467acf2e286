using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DtcNotify.TestHarness;

public sealed partial class FakeBotConnector
{
    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? null : rawTarget[(queryStart + 1)..];
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var relative = rawPath.StartsWith(PathPrefix, StringComparison.Ordinal) ? rawPath[PathPrefix.Length..] : rawPath;
        var call = new RecordedConnectorCall(
            context.Request.Method, relative, query, body, context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType, DateTimeOffset.UtcNow);
        _calls.Enqueue(call);
        _callArrived.Release();
        if (!await WaitAsScriptedAsync(call, context).ConfigureAwait(false))
        {
            return;
        }

        if ((TargetedFailure(call) ?? (_failures.TryDequeue(out var next) ? next : null)) is { } failure)
        {
            await AnswerFailureAsync(context, failure).ConfigureAwait(false);
            return;
        }

        var (status, answer) = Route(context.Request.Method, relative.Split('/').Select(Uri.UnescapeDataString).ToArray(), body, context.Request.Query);
        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
    }

    internal static async Task AnswerFailureAsync(HttpContext context, ScriptedFailure failure)
    {
        if (failure.DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = failure.StatusCode;
        if (failure.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (failure.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        var body = failure.Body ?? new JsonObject { ["error"] = new JsonObject { ["code"] = $"Status{failure.StatusCode}", ["message"] = "scripted failure" } }.ToJsonString();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private (int Status, JsonNode? Body) Route(string method, string[] s, string body, IQueryCollection query) => (method, s) switch
    {
        ("POST", ["v3", "conversations"]) => (201, CreateConversation(body)),
        ("POST", ["v3", "conversations", _, "activities"]) => (201, new JsonObject { ["id"] = NextActivityId() }),
        ("POST", ["v3", "conversations", _, "activities", _]) => (201, new JsonObject { ["id"] = NextActivityId() }),
        ("PUT", ["v3", "conversations", _, "activities", var activityId]) => (200, new JsonObject { ["id"] = activityId }),
        ("DELETE", ["v3", "conversations", _, "activities", _]) => (200, null),
        ("GET", ["v3", "conversations", _, "members"]) => (200, new JsonArray([.. _members.Values.Select(MemberJson)])),
        ("GET", ["v3", "conversations", _, "activities", _, "members"]) => (200, new JsonArray([.. _members.Values.Select(MemberJson)])),
        ("GET", ["v3", "conversations", _, "pagedmembers"]) => (200, PagedMembers(query)),
        ("GET", ["v3", "conversations", _, "members", var memberId]) => _members.TryGetValue(memberId, out var m)
            ? (200, MemberJson(m))
            : (404, Error("MemberNotFoundInConversation", "The member was not found.")),
        ("GET", ["v3", "teams", var teamId]) => (200, new JsonObject { ["id"] = teamId, ["name"] = "Test team", ["aadGroupId"] = Guid.Empty.ToString() }),
        ("GET", ["v3", "teams", var teamId, "conversations"]) => (200, new JsonObject
        {
            ["conversations"] = new JsonArray(new JsonObject { ["id"] = teamId, ["name"] = null }),
        }),
        _ => (404, Error("NotFound", "No such route.")),
    };
}
