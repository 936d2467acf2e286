using System.Security.Cryptography;
using System.Text;
using DtcNotify.Options;
using Microsoft.Extensions.Options;

namespace DtcNotify.Intake.Http;

/// <summary>Checks a presented API key against <c>Sources:&lt;name&gt;:ApiKeySha256</c>; only the hash is configured, never the key.</summary>
internal sealed class ApiKeyVerifier(IOptions<SourcesOptions> sources)
{
    private static readonly byte[] NoKey = new byte[SHA256.HashSizeInBytes];

    /// <summary>The configured spelling of the source when the key is valid for it; null for an unknown source, no key or a wrong key alike.</summary>
    public string? Verify(string source, string? presentedKey)
    {
        var configured = sources.Value.Sources.FirstOrDefault(s => string.Equals(s.Key, source, StringComparison.OrdinalIgnoreCase));
        var expected = configured.Value?.ApiKeySha256 is { Length: 64 } hex ? Convert.FromHexString(hex) : null;

        // Hash and compare even when the source is unknown or has no key, so the answer takes the same time either way
        // and the response time does not tell which sources exist.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey ?? ""));
        var equal = CryptographicOperations.FixedTimeEquals(presented, expected ?? NoKey);
        return equal && expected is not null && !string.IsNullOrEmpty(presentedKey) ? configured.Key : null;
    }

    /// <summary>The key from <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        const string Bearer = "Bearer ";
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[Bearer.Length..].Trim();
        }

        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } key ? key.Trim() : null;
    }
}
