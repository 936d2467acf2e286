using System.Globalization;

namespace DtcNotify.Feeds;

/// <summary>Parses the timestamp spellings feeds use; every result is UTC.</summary>
internal static class Timestamps
{
    private static readonly string[] Rfc1123Like =
    [
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'",
        "MMM d HH:mm:ss yyyy 'GMT'",
        "MMM dd HH:mm:ss yyyy 'GMT'",
    ];

    /// <summary>Shadowserver's <c>YYYY-MM-DD HH:MM:SS</c> (UTC), ISO 8601 with or without offset, RFC 1123 and similar.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        text = text.Trim();
        if (TryParseFixed(text, out value))
        {
            return true;
        }

        if (text.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4];
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (text.Length is > 0 and < 64 && char.IsAsciiDigit(text[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, Rfc1123Like, CultureInfo.InvariantCulture, styles, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Seconds since the Unix epoch, as MISP writes them.</summary>
    public static bool TryParseUnixSeconds(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>The text IntelMQ writes for a time: ISO 8601 with <c>+00:00</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss+00:00", CultureInfo.InvariantCulture);

    // Hot path: exactly "yyyy-MM-dd HH:mm:ss" (or with 'T'), no allocation, no culture lookups.
    private static bool TryParseFixed(ReadOnlySpan<char> t, out DateTimeOffset value)
    {
        value = default;
        if (t.Length != 19 || t[4] != '-' || t[7] != '-' || (t[10] != ' ' && t[10] != 'T') || t[13] != ':' || t[16] != ':')
        {
            return false;
        }

        if (!TryDigits(t[..4], out var year) || !TryDigits(t.Slice(5, 2), out var month) || !TryDigits(t.Slice(8, 2), out var day)
            || !TryDigits(t.Slice(11, 2), out var hour) || !TryDigits(t.Slice(14, 2), out var minute) || !TryDigits(t.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
