using System.Text.Json;
using System.Text.Json.Serialization;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Connector;

/// <summary>The connector's answer to send/reply/update: the id of the activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST v3/conversations</c> (teams-protocol §B.3, "Create a new thread in a channel").</summary>
public sealed record ConversationParameters(
    bool IsGroup,
    JsonElement ChannelData,
    OutgoingActivity Activity,
    string? TenantId);

/// <summary>The new conversation (for a channel thread: <c>&lt;channel&gt;;messageid=&lt;root&gt;</c>) and its first activity.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>One page of conversation members; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<TeamsChannelAccount>? Members);

/// <summary>A member as Teams describes it. The object id comes as <c>aadObjectId</c> or <c>objectId</c> (teams-protocol H.10).</summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? ObjectId { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The Entra object id, whichever spelling the service used.</summary>
    [JsonIgnore]
    public string? EntraObjectId => AadObjectId ?? ObjectId;
}
