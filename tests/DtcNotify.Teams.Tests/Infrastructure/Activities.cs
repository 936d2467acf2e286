using System.Text.Json.Nodes;

namespace DtcNotify.Teams.Tests.Infrastructure;

/// <summary>Inbound activities shaped like teams-protocol §C.</summary>
public static class Activities
{
    public static string Invoke(string serviceUrl = TestIds.ServiceUrl, string name = "adaptiveCard/action", string channelId = "msteams") => new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = name,
        ["id"] = "f:8765",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1AbCdEf", ["name"] = "Ana Ruiz", ["aadObjectId"] = "6b7b3b2a-2c4b-4175-8582-41c9e685c1b5" },
        ["conversation"] = new JsonObject { ["conversationType"] = "channel", ["id"] = TestIds.ChannelId + ";messageid=1764240000456", ["tenantId"] = TestIds.TenantId },
        ["recipient"] = new JsonObject { ["id"] = TestIds.BotId, ["name"] = "CaseBot" },
        ["replyToId"] = "1764240000456",
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute", ["id"] = "approve", ["verb"] = "case.approve",
                ["data"] = new JsonObject { ["caseId"] = "CASE-2291", ["cardVersion"] = 3 },
            },
            ["trigger"] = "manual",
        },
    }.ToJsonString();

    public static string Of(string type, string serviceUrl = TestIds.ServiceUrl, string? text = null) => new JsonObject
    {
        ["type"] = type,
        ["id"] = "1764240001000",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1AbCdEf", ["name"] = "Ana Ruiz" },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["id"] = TestIds.ChannelId, ["tenantId"] = TestIds.TenantId },
        ["recipient"] = new JsonObject { ["id"] = TestIds.BotId, ["name"] = "CaseBot" },
        ["text"] = text,
    }.ToJsonString();
}
