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

    /// <summary>
    /// The batch id and, per case, the version the card showed: "Approve all" approves only cases still as shown, so an old
    /// batch card cannot approve a case someone changed after it was posted.
    /// </summary>
    public static JsonElement BatchData(long batchId, IEnumerable<(long CaseId, int Version)> versions)
    {
        var shown = new JsonObject();
        foreach (var (caseId, version) in versions)
        {
            shown[caseId.ToString(CultureInfo.InvariantCulture)] = version;
        }

        return ToElement(new JsonObject { ["batchId"] = batchId.ToString(CultureInfo.InvariantCulture), [BatchVersions] = shown });
    }

    /// <summary>The name of the case → version map in a batch action's data.</summary>
    public const string BatchVersions = "versions";

    private static JsonElement ToElement(JsonObject data)
    {
        using var document = JsonDocument.Parse(data.ToJsonString());
        return document.RootElement.Clone();
    }
}
