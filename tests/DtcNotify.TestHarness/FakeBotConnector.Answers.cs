using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.TestHarness;

public sealed partial class FakeBotConnector
{
    private string NextActivityId() => Interlocked.Increment(ref _nextActivityId).ToString(CultureInfo.InvariantCulture);

    private JsonObject CreateConversation(string body)
    {
        var channelId = JsonNode.Parse(body)?["channelData"]?["channel"]?["id"]?.GetValue<string>() ?? "19:unknown@thread.tacv2";
        var activityId = NextActivityId();
        return new JsonObject
        {
            ["id"] = $"{channelId};messageid={activityId}",
            ["activityId"] = activityId,
            ["serviceUrl"] = ServiceUrl,
        };
    }

    // Pages are positions in the roster; the continuation token is the next position.
    private JsonObject PagedMembers(IQueryCollection query)
    {
        var all = _members.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var size = int.TryParse(query["pageSize"], CultureInfo.InvariantCulture, out var requested) && requested > 0 ? requested : 50;
        var start = int.TryParse(query["continuationToken"].ToString().Replace("page-", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture, out var s) ? s : 0;
        var page = all.Skip(start).Take(size).ToList();
        var next = start + page.Count < all.Count ? $"page-{start + page.Count}" : null;
        return new JsonObject { ["continuationToken"] = next, ["members"] = new JsonArray([.. page.Select(MemberJson)]) };
    }

    private static JsonNode MemberJson(ConnectorMember member) => new JsonObject
    {
        ["id"] = member.Id,
        ["name"] = member.Name,
        ["aadObjectId"] = member.AadObjectId,
        ["userPrincipalName"] = member.UserPrincipalName,
        ["email"] = member.Email,
        ["userRole"] = "user",
    };

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
