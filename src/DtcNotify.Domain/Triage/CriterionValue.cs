using System.Globalization;

namespace DtcNotify.Domain.Triage;

/// <summary>
/// One value of a triage sentence, kept as data: an instant (UTC, round-trip format), a number of days, a code (kind,
/// severity, channel) or untrusted text (a source's name). Whoever shows it decides the words, zone and number format.
/// </summary>
public sealed record CriterionValue(string Type, string Value)
{
    public const string InstantType = "instant";
    public const string DaysType = "days";
    public const string KindType = "kind";
    public const string SeverityType = "severity";
    public const string ChannelType = "channel";
    public const string TextType = "text";

    public static CriterionValue Instant(DateTimeOffset at) => new(InstantType, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    public static CriterionValue Days(double days) => new(DaysType, Math.Round(days, 1).ToString(CultureInfo.InvariantCulture));

    public static CriterionValue Kind(string kind) => new(KindType, kind);

    public static CriterionValue Severity(string severity) => new(SeverityType, severity);

    public static CriterionValue Channel(string channel) => new(ChannelType, channel);

    public static CriterionValue Text(string? text) => new(TextType, text ?? "");
}
