using DtcNotify.Text;

namespace DtcNotify.Delivery.Content;

/// <summary>
/// Registry and feed values in a mail or a call script, after <see cref="UntrustedText.Clean"/>: one line unless the
/// field is prose, bounded, and free-text feed fields only when they are what they claim to be.
/// </summary>
internal static class DeliveryText
{
    public const int NameLength = 200;
    public const int TitleLength = 200;
    public const int AddressLength = 100;
    public const int LocatorLength = 500;
    public const int LineLength = 1000;
    public const int ProseLength = 4000;

    // protocol.application / protocol.transport are free text in IntelMQ and Shadowserver ("http", "ssl/tls", but
    // whatever a feed wrote, markdown and links included). A government mail repeats only a short protocol name.
    private const int MaxProtocolLength = 24;

    public static string Line(string? value, int maxLength = LineLength) => UntrustedText.Clean(value, maxLength);

    public static string Prose(string? value) => UntrustedText.Clean(value, ProseLength, multiline: true);

    /// <summary>The protocol name when it is one (letters, digits and <c>.+/_-</c>, at most 24); otherwise left out.</summary>
    public static string Protocol(string? value)
    {
        var text = value?.Trim() ?? "";
        return text.Length is > 0 and <= MaxProtocolLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '/' or '_' or '-')
            ? text
            : "";
    }
}
