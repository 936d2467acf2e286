using System.Globalization;

namespace DtcNotify.Feeds.Harmonisation;

/// <summary>Parses the timestamp spellings feeds use; every result is UTC.</summary>
internal static class Timestamps
{
    private static readonly string[] CertificateDates = ["MMM d HH:mm:ss yyyy 'GMT'", "MMM dd HH:mm:ss yyyy 'GMT'"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Shadowserver's <c>YYYY-MM-DD HH:MM:SS</c> (UTC), ISO 8601 with or without offset, RFC 1123 and similar.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        text = text.Trim();
        if (TryParseFixed(text, out value) || TryParseHttpDate(text, out value))
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

        if (DateTimeOffset.TryParseExact(text, CertificateDates, CultureInfo.InvariantCulture, styles, out value))
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
    public static string Format(DateTimeOffset value) => string.Create(FormattedLength, value, static (span, time) => Write(time, span));

    /// <summary>Length of <see cref="Format"/>'s text.</summary>
    public const int FormattedLength = 25;

    /// <summary>Writes <see cref="Format"/>'s text into a span of <see cref="FormattedLength"/> chars.</summary>
    public static void Write(DateTimeOffset value, Span<char> span)
    {
        // Hand-written because it runs for every date column of every row; same text as "yyyy-MM-dd'T'HH:mm:ss+00:00".
        var time = value.UtcDateTime;
        Write4(span, time.Year);
        span[4] = '-';
        Write2(span[5..], time.Month);
        span[7] = '-';
        Write2(span[8..], time.Day);
        span[10] = 'T';
        Write2(span[11..], time.Hour);
        span[13] = ':';
        Write2(span[14..], time.Minute);
        span[16] = ':';
        Write2(span[17..], time.Second);
        "+00:00".CopyTo(span[19..]);
    }

    private static void Write4(Span<char> span, int value)
    {
        Write2(span, value / 100);
        Write2(span[2..], value % 100);
    }

    private static void Write2(Span<char> span, int value)
    {
        span[0] = (char)('0' + (value / 10));
        span[1] = (char)('0' + (value % 10));
    }

    // HTTP dates ("Sat, 28 Nov 2026 00:00:00 GMT", also "Thur, ..."), the other date in nearly every HTTP scan row.
    private static bool TryParseHttpDate(ReadOnlySpan<char> t, out DateTimeOffset value)
    {
        value = default;
        var comma = t.IndexOf(',');
        if (comma is < 0 or > 9 || !t.EndsWith(" GMT", StringComparison.Ordinal))
        {
            return false;
        }

        t = t[(comma + 1)..^4].Trim();
        var space = t.IndexOf(' ');
        if (space is < 1 or > 2 || t.Length != space + 18 || t[space + 4] != ' ' || t[space + 9] != ' ' || !TryDigits(t[..space], out var day))
        {
            return false;
        }

        var monthName = t.Slice(space + 1, 3);
        var month = 0;
        while (month < Months.Length && !monthName.Equals(Months[month], StringComparison.OrdinalIgnoreCase))
        {
            month++;
        }

        return month < Months.Length && TryDigits(t.Slice(space + 5, 4), out var year)
            && TryCreate(year, month + 1, day, t[(space + 10)..], out value);
    }

    // Hot path: exactly "yyyy-MM-dd HH:mm:ss" (or with 'T'), no allocation, no culture lookups.
    private static bool TryParseFixed(ReadOnlySpan<char> t, out DateTimeOffset value)
    {
        value = default;
        return t.Length == 19 && t[4] == '-' && t[7] == '-' && (t[10] == ' ' || t[10] == 'T')
            && TryDigits(t[..4], out var year) && TryDigits(t.Slice(5, 2), out var month) && TryDigits(t.Slice(8, 2), out var day)
            && TryCreate(year, month, day, t[11..], out value);
    }

    /// <summary>A UTC time from date parts and "HH:mm:ss", checking every range instead of throwing.</summary>
    private static bool TryCreate(int year, int month, int day, ReadOnlySpan<char> clock, out DateTimeOffset value)
    {
        value = default;
        if (clock.Length != 8 || clock[2] != ':' || clock[5] != ':'
            || !TryDigits(clock[..2], out var hour) || !TryDigits(clock.Slice(3, 2), out var minute) || !TryDigits(clock.Slice(6, 2), out var second))
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
