namespace DtcNotify.Feeds.Csv;

/// <summary>What a generic incident CSV column means (architecture §4), decided from its header name.</summary>
internal enum IncidentColumn
{
    Extra,
    Ip,
    Fqdn,
    Url,
    Email,
    Port,
    Timestamp,
    Asn,
    Cve,
    Identifier,
    Severity,
    Description,
    Credential,
    Tlp,
}

internal static class IncidentCsvColumns
{
    private static readonly Dictionary<string, IncidentColumn> ByName = new(StringComparer.Ordinal)
    {
        ["ip"] = IncidentColumn.Ip,
        ["ip_address"] = IncidentColumn.Ip,
        ["source_ip"] = IncidentColumn.Ip,
        ["src_ip"] = IncidentColumn.Ip,
        ["fqdn"] = IncidentColumn.Fqdn,
        ["domain"] = IncidentColumn.Fqdn,
        ["hostname"] = IncidentColumn.Fqdn,
        ["host"] = IncidentColumn.Fqdn,
        ["url"] = IncidentColumn.Url,
        ["email"] = IncidentColumn.Email,
        ["e_mail"] = IncidentColumn.Email,
        ["email_address"] = IncidentColumn.Email,
        ["port"] = IncidentColumn.Port,
        ["timestamp"] = IncidentColumn.Timestamp,
        ["time"] = IncidentColumn.Timestamp,
        ["datetime"] = IncidentColumn.Timestamp,
        ["date"] = IncidentColumn.Timestamp,
        ["asn"] = IncidentColumn.Asn,
        ["cve"] = IncidentColumn.Cve,
        ["cves"] = IncidentColumn.Cve,
        ["identifier"] = IncidentColumn.Identifier,
        ["threat"] = IncidentColumn.Identifier,
        ["severity"] = IncidentColumn.Severity,
        ["description"] = IncidentColumn.Description,
        ["tlp"] = IncidentColumn.Tlp,
    };

    // Whole words (between underscores) that mark a credential; "pass" only as a word, so "passive_dns" survives.
    private static readonly HashSet<string> CredentialWords = new(StringComparer.Ordinal)
    {
        "pass", "pwd", "pw", "passwd", "passphrase", "pin", "secret", "token", "credential", "credentials", "apikey", "api_key",
        "hash", "hashes", "ntlm", "nthash", "lmhash", "cookie", "cookies", "session", "sessionid", "sid", "jwt", "bearer", "otp",
    };

    // Fragments that mark a credential anywhere in a name: userpassword, set_cookie, password_hash, phpsessid.
    private static readonly string[] CredentialFragments = ["password", "passwd", "cookie", "session", "sessid", "hash", "secret", "token", "credential"];

    /// <summary>Lower case, trimmed, spaces, dots and hyphens as underscores: "E-mail Address" → "e_mail_address".</summary>
    public static string Normalise(string name)
    {
        var trimmed = name.Trim().Trim('"').Trim();
        return string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = char.ToLowerInvariant(source[i]);
                span[i] = c is ' ' or '-' or '.' ? '_' : c;
            }
        });
    }

    public static IncidentColumn Classify(string normalisedName)
    {
        if (IsCredential(normalisedName))
        {
            return IncidentColumn.Credential;
        }

        return ByName.GetValueOrDefault(normalisedName, IncidentColumn.Extra);
    }

    public static bool IsIdentity(IncidentColumn column) => column is IncidentColumn.Ip or IncidentColumn.Fqdn or IncidentColumn.Url or IncidentColumn.Email;

    private static bool IsCredential(string name) =>
        name.Split('_').Any(CredentialWords.Contains)
        || CredentialWords.Contains(name)
        || CredentialFragments.Any(f => name.Contains(f, StringComparison.Ordinal));
}
