namespace DtcNotify.Telemetry;

/// <summary>
/// What an outgoing request's <c>url.full</c> may show: no query (it may hold a token), and no path segment with an
/// e-mail address (Graph's <c>/users/{address}/…</c> names a mailbox or a person).
/// </summary>
internal static class TelemetryUrls
{
    public const string Redacted = "REDACTED";

    public static string? Redact(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/').Select(s => s.Contains('@', StringComparison.Ordinal) || s.Contains("%40", StringComparison.OrdinalIgnoreCase) ? Redacted : s);
        return $"{uri.Scheme}://{uri.Authority}{string.Join('/', segments)}{(uri.Query.Length > 0 ? "?" + Redacted : "")}";
    }
}
