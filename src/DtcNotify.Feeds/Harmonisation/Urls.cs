using DtcNotify.Text;

namespace DtcNotify.Feeds.Harmonisation;

/// <summary>
/// Validates URLs and stores them in one canonical form; a bare <c>host/path</c> gets <c>http://</c> as IntelMQ does.
/// A URL with a control, bidi or other invisible character is refused: <c>http://acme.example/&#x202E;nigol</c> reads
/// as something it is not, and <see cref="Uri"/> would silently drop such characters instead of keeping what was seen.
/// </summary>
internal static class Urls
{
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty || text.Length > 8192 || text.ContainsAnyInRange('\0', ' ') || UntrustedText.HasInvisible(text))
        {
            return null;
        }

        var candidate = text.Contains("://", StringComparison.Ordinal) ? text.ToString() : string.Concat("http://", text);
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? Canonical(uri)
            : null;
    }

    // Lower-case scheme and host, the host in its ASCII (punycode) form, everything else percent-encoded ASCII: the same
    // address is stored the same way whichever feed spelled it, and shows no look-alike characters.
    private static string Canonical(Uri uri)
    {
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        var userInfo = uri.UserInfo.Length > 0 ? uri.GetComponents(UriComponents.UserInfo, UriFormat.UriEscaped) + "@" : "";
        return $"{uri.Scheme}://{userInfo}{host}{port}{uri.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped)}";
    }
}
