using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DtcNotify.Cases.Cards;

/// <summary>The Action.Execute verbs of case and batch cards (architecture §3) and the data every action carries.</summary>
internal static class CardVerbs
{
    public const string Approve = "case.approve";
    public const string Edit = "case.edit";
    public const string Save = "case.save";
    public const string Reassign = "case.reassign";
    public const string Reject = "case.reject";
    public const string Refresh = "case.refresh";
    public const string Retry = "case.retry";
    public const string CallDone = "case.calldone";
    public const string Close = "case.close";
    public const string ApproveBatch = "batch.approve";

    /// <summary>The case id and the version the card showed; a stale version is answered with the current card.</summary>
    public static JsonElement CaseData(long caseId, int version, string? channel = null)
    {
        var data = new JsonObject { ["caseId"] = caseId, ["version"] = version };
        if (channel is not null)
        {
            data["channel"] = channel;
        }

        return ToElement(data);
    }

    public static JsonElement BatchData(long batchId) => ToElement(new JsonObject { ["batchId"] = batchId.ToString(CultureInfo.InvariantCulture) });

    private static JsonElement ToElement(JsonObject data)
    {
        using var document = JsonDocument.Parse(data.ToJsonString());
        return document.RootElement.Clone();
    }
}
