using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.Teams.Authentication;

/// <summary>A published signing key with the channels it is endorsed for (Bot Framework keys carry <c>endorsements</c>).</summary>
internal sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlySet<string> Endorsements);

/// <summary>One fetched key set and when it was fetched.</summary>
internal sealed record SigningKeySet(IReadOnlyDictionary<string, SigningKey> KeysById, DateTimeOffset FetchedAt)
{
    public static SigningKeySet Empty { get; } = new(new Dictionary<string, SigningKey>(), DateTimeOffset.MinValue);
}
