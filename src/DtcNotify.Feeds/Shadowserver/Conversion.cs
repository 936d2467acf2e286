using System.Globalization;
using DtcNotify.Domain.Assets;
using DtcNotify.Domain.Playbook;
using DtcNotify.Feeds.Harmonisation;

namespace DtcNotify.Feeds.Shadowserver;

/// <summary>IntelMQ's Shadowserver conversion functions, by the names the schema uses.</summary>
internal enum Conversion
{
    None,
    AddUtcToTimestamp,
    ConvertBool,
    ValidateToNone,
    ConvertInt,
    ConvertFloat,
    ConvertHttpHostAndUrl,
    InvalidateZero,
    ValidateIp,
    ValidateNetwork,
    ValidateFqdn,
    ConvertDate,
    ConvertDateUtc,
    ForceBase64,
    ScanExchangeTaxonomy,
    ScanExchangeType,
    ScanExchangeIdentifier,
    CategoryOrDetail,
    ExtractCveFromTag,
}

/// <summary>The outcome of one conversion: nothing (drop the field), a value, or a failure.</summary>
internal readonly struct Converted
{
    public static readonly Converted Nothing;

    private Converted(int kind, string? text, long number, DateTimeOffset time)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Time = time;
    }

    /// <summary>0 nothing, 1 text (or <see cref="UseSource"/>), 2 integer, 3 boolean (Number 0/1), 4 time, 5 failed.</summary>
    public int Kind { get; }

    /// <summary>Converted text; null with Kind 1 means "the source text unchanged".</summary>
    public string? Text { get; }

    public long Number { get; }

    public DateTimeOffset Time { get; }

    public bool IsNothing => Kind == 0;

    public bool Failed => Kind == 5;

    public bool UseSource => Kind == 1 && Text is null;

    public static Converted Source() => new(1, null, 0, default);

    public static Converted OfText(string text) => new(1, text, 0, default);

    public static Converted OfNumber(long number) => new(2, null, number, default);

    public static Converted OfBool(bool value) => new(3, null, value ? 1 : 0, default);

    public static Converted OfTime(DateTimeOffset time) => new(4, null, 0, time);

    public static Converted Failure(string reason) => new(5, reason, 0, default);

    /// <summary>The value as IntelMQ would write it in a JSON event, for Extra.</summary>
    public string Format(ReadOnlySpan<char> source) => Kind switch
    {
        1 => Text ?? source.ToString(),
        2 => Number.ToString(CultureInfo.InvariantCulture),
        3 => Number == 1 ? "true" : "false",
        4 => Timestamps.Format(Time),
        _ => source.ToString(),
    };
}

internal static class Conversions
{
    private const string ExchangeWebshell = "exchange-server-webshell";
    private const string VulnerableExchange = "vulnerable-exchange-server";

    private static readonly Dictionary<string, Conversion> ByName = new(StringComparer.Ordinal)
    {
        ["add_UTC_to_timestamp"] = Conversion.AddUtcToTimestamp,
        ["convert_bool"] = Conversion.ConvertBool,
        ["validate_to_none"] = Conversion.ValidateToNone,
        ["convert_int"] = Conversion.ConvertInt,
        ["convert_float"] = Conversion.ConvertFloat,
        ["convert_http_host_and_url"] = Conversion.ConvertHttpHostAndUrl,
        ["invalidate_zero"] = Conversion.InvalidateZero,
        ["validate_ip"] = Conversion.ValidateIp,
        ["validate_network"] = Conversion.ValidateNetwork,
        ["validate_fqdn"] = Conversion.ValidateFqdn,
        ["convert_date"] = Conversion.ConvertDate,
        ["convert_date_utc"] = Conversion.ConvertDateUtc,
        ["force_base64"] = Conversion.ForceBase64,
        ["scan_exchange_taxonomy"] = Conversion.ScanExchangeTaxonomy,
        ["scan_exchange_type"] = Conversion.ScanExchangeType,
        ["scan_exchange_identifier"] = Conversion.ScanExchangeIdentifier,
        ["category_or_detail"] = Conversion.CategoryOrDetail,
        ["extract_cve_from_tag"] = Conversion.ExtractCveFromTag,
    };

    /// <summary>The conversion by its schema name; the schema reader refuses unknown names, so None means "no conversion".</summary>
    public static Conversion Resolve(string? name) => name is null ? Conversion.None : ByName.GetValueOrDefault(name);

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    /// <summary>The identifiers a row-aware classification can give (<c>scan_exchange_identifier</c>), for advice coverage.</summary>
    public static IEnumerable<string> IdentifiersOf(Conversion conversion) => conversion == Conversion.ScanExchangeIdentifier
        ? [ExchangeWebshell, VulnerableExchange]
        : [];

    /// <summary>Applies a conversion that needs only the cell (row-aware ones are done by the plan).</summary>
    public static Converted Apply(Conversion conversion, ReadOnlySpan<char> value)
    {
        switch (conversion)
        {
            case Conversion.AddUtcToTimestamp:
            case Conversion.ConvertDate:
            case Conversion.ConvertDateUtc:
                return Timestamps.TryParse(value, out var time) ? Converted.OfTime(time) : Converted.Failure($"'{ObservationBuilder.Shorten(value)}' is not a timestamp");
            case Conversion.ConvertBool:
                return ToBool(value);
            case Conversion.ValidateToNone:
                return IsNone(value) ? Converted.Nothing : Converted.Source();
            case Conversion.ConvertInt:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? Converted.OfNumber(number)
                    : Converted.Failure($"'{ObservationBuilder.Shorten(value)}' is not an integer");
            case Conversion.InvalidateZero:
                return !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nonZero)
                    ? Converted.Failure($"'{ObservationBuilder.Shorten(value)}' is not an integer")
                    : nonZero == 0 ? Converted.Nothing : Converted.OfNumber(nonZero);
            case Conversion.ConvertFloat:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                    ? Converted.OfText(real.ToString("R", CultureInfo.InvariantCulture))
                    : Converted.Failure($"'{ObservationBuilder.Shorten(value)}' is not a number");
            case Conversion.ValidateIp:
                // IntelMQ drops an invalid address silently; for source.ip the builder validates again and rejects the row.
                return IpText.TryCanonicalizeHostAddress(value, out var canonical) ? (canonical is null ? Converted.Source() : Converted.OfText(canonical)) : Converted.Nothing;
            case Conversion.ValidateNetwork:
                return value.Contains('/') && System.Net.IPNetwork.TryParse(value, out var network) ? Converted.OfText(network.ToString()) : Converted.Nothing;
            case Conversion.ValidateFqdn:
                return AssetText.TryParseFeedHost(value) is { } host ? Converted.OfText(host) : Converted.Nothing;
            case Conversion.ForceBase64:
                return Converted.OfText(IsBase64(value) ? value.ToString() : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value.ToString())));
            case Conversion.ScanExchangeTaxonomy:
                return Converted.OfText(value.Contains("webshell", StringComparison.Ordinal) ? "intrusions" : "vulnerable");
            case Conversion.ScanExchangeType:
                return Converted.OfText(value.Contains("webshell", StringComparison.Ordinal) ? "system-compromise" : "vulnerable-system");
            case Conversion.ScanExchangeIdentifier:
                return Converted.OfText(value.Contains("webshell", StringComparison.Ordinal) ? ExchangeWebshell : VulnerableExchange);
            case Conversion.ExtractCveFromTag:
                return CveTags.Extract(value).Converted;
            default:
                return Converted.Source();
        }
    }

    /// <summary><c>validate_to_none</c>: IntelMQ drops "0" and "unknown" as "no value".</summary>
    public static bool IsNone(ReadOnlySpan<char> value) => value is "0" || value.Equals("unknown", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the text is exactly how an integer is written invariantly: no '+', no leading zeros, no "-0".</summary>
    public static bool IsInvariantInteger(ReadOnlySpan<char> text)
    {
        var digits = text is ['-', .. var rest] ? rest : text;
        return digits.Length is > 0 and < 20 && !digits.ContainsAnyExceptInRange('0', '9') && (digits[0] != '0' || (digits.Length == 1 && digits.Length == text.Length));
    }

    private static Converted ToBool(ReadOnlySpan<char> value)
    {
        Span<char> lower = stackalloc char[8];
        if (value.Length > lower.Length)
        {
            return Converted.Nothing;
        }

        var length = value.ToLowerInvariant(lower);
        return lower[..length] switch
        {
            "y" or "yes" or "true" or "enabled" or "1" => Converted.OfBool(true),
            "n" or "no" or "false" or "disabled" or "0" => Converted.OfBool(false),
            _ => Converted.Nothing,
        };
    }

    private static bool IsBase64(ReadOnlySpan<char> value)
    {
        Span<byte> scratch = value.Length <= 1024 ? stackalloc byte[1024] : new byte[value.Length];
        return Convert.TryFromBase64Chars(value, scratch, out _);
    }
}
