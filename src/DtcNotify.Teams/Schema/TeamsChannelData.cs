using System.Text.Json;

namespace DtcNotify.Teams.Schema;

/// <summary>
/// What the bot needs from Teams' <c>channelData</c>: tenant, team, channel and event type (teams-protocol §C.1–C.2).
/// <see cref="TeamId"/> is the Bot API thread id of the team, not the Graph group id (<see cref="TeamAadGroupId"/>).
/// </summary>
public sealed record TeamsChannelData(
    string? TenantId,
    string? TeamId,
    string? TeamName,
    string? TeamAadGroupId,
    string? ChannelId,
    string? ChannelName,
    string? SelectedChannelId,
    string? EventType)
{
    /// <summary>Reads the channel data of <paramref name="activity"/>; the tenant falls back to <c>conversation.tenantId</c>.</summary>
    public static TeamsChannelData From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var data = activity.ChannelData is { ValueKind: JsonValueKind.Object } element ? element : default;
        return new TeamsChannelData(
            TenantId: ReadString(data, "tenant", "id") ?? activity.Conversation?.TenantId,
            TeamId: ReadString(data, "team", "id") ?? ReadString(data, "teamsTeamId"),
            TeamName: ReadString(data, "team", "name"),
            TeamAadGroupId: ReadString(data, "team", "aadGroupId"),
            ChannelId: ReadString(data, "channel", "id") ?? ReadString(data, "teamsChannelId"),
            ChannelName: ReadString(data, "channel", "name"),
            SelectedChannelId: ReadString(data, "settings", "selectedChannel", "id"),
            EventType: ReadString(data, "eventType"));
    }

    private static string? ReadString(JsonElement element, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
