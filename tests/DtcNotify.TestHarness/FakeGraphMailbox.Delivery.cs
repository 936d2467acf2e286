using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.TestHarness;

/// <summary>
/// The delivery side of the fake Graph: <c>users/{id}/sendMail</c> (202), Planner task creation (201 with an id) and its
/// details (GET with an ETag, PATCH with If-Match: 204), and To Do task creation (201). What was sent is in
/// <see cref="Calls"/>: a test counts the mails and tasks there.
/// </summary>
public sealed partial class FakeGraphMailbox
{
    private long _taskIds;

    /// <summary>A sendMail call (MIME form: its body is the base64 of the message).</summary>
    public static bool IsSendMail(RecordedConnectorCall call) => call.Method == "POST" && SendMailPath().IsMatch(call.RawPath);

    /// <summary>A call that creates a Planner or To Do task.</summary>
    public static bool IsNewTask(RecordedConnectorCall call) =>
        call.Method == "POST" && (call.RawPath == "/v1.0/planner/tasks" || ToDoTasksPath().IsMatch(call.RawPath));

    /// <summary>The decoded message of a sendMail call, or its body as is when it is not base64.</summary>
    public static string SentMime(RecordedConnectorCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(call.Body));
        }
        catch (FormatException)
        {
            return call.Body;
        }
    }

    /// <summary>Answers a delivery route; false when <paramref name="path"/> is none.</summary>
    private async Task<bool> DeliveryAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        if (method == "POST" && SendMailPath().IsMatch(path))
        {
            context.Response.StatusCode = 202;
        }
        else if (method == "POST" && (path == "/v1.0/planner/tasks" || ToDoTasksPath().IsMatch(path)))
        {
            context.Response.StatusCode = 201;
            await Json(context, new JsonObject { ["id"] = $"task-{Interlocked.Increment(ref _taskIds)}" }).ConfigureAwait(false);
        }
        else if (PlannerDetailsPath().Match(path) is { Success: true } details && method == "GET")
        {
            await Json(context, new JsonObject { ["id"] = details.Groups["id"].Value, ["@odata.etag"] = "W/\"d1\"" }).ConfigureAwait(false);
        }
        else if (PlannerDetailsPath().IsMatch(path) && method == "PATCH")
        {
            context.Response.StatusCode = 204;
        }
        else
        {
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^/v1\.0/users/[^/]+/sendMail$")]
    private static partial Regex SendMailPath();

    [GeneratedRegex(@"^/v1\.0/users/[^/]+/todo/lists/[^/]+/tasks$")]
    private static partial Regex ToDoTasksPath();

    [GeneratedRegex(@"^/v1\.0/planner/tasks/(?<id>[^/]+)/details$")]
    private static partial Regex PlannerDetailsPath();
}
