namespace DtcNotify.Domain.Channels;

/// <summary>
/// A Teams channel the bot was installed in, learned from conversationUpdate/installationUpdate. The most recently
/// installed one is the specialists' channel unless <c>Teams:TeamId</c>/<c>Teams:ChannelId</c> name it.
/// </summary>
public sealed class SpecialistsChannel
{
    public long Id { get; private set; }

    public required string TenantId { get; init; }

    /// <summary>The Bot API thread id of the team (<c>19:…@thread.tacv2</c>), not the Graph group id.</summary>
    public required string TeamId { get; init; }

    public string? TeamName { get; set; }

    public string? TeamAadGroupId { get; set; }

    public required string ChannelId { get; set; }

    /// <summary>Refreshed from every inbound activity: Teams may move a tenant to another regional service URL.</summary>
    public required string ServiceUrl { get; set; }

    public DateTimeOffset InstalledAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Active { get; set; } = true;
}
