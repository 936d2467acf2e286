namespace DtcNotify.Feeds;

/// <summary>Validates URLs; a bare <c>host/path</c> gets <c>http://</c> as IntelMQ does.</summary>
internal static class Urls
{
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty || text.Length > 8192 || text.ContainsAnyInRange('\0', ' '))
        {
            return null;
        }

        var candidate = text.Contains("://", StringComparison.Ordinal) ? text.ToString() : string.Concat("http://", text);
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? candidate
            : null;
    }
}
