namespace DtcNotify.Text;

/// <summary>
/// Feed, registry and request values end up in reject reasons, CLI lines and log messages. This is the host's name for
/// <see cref="UntrustedText.Printable"/>: every control, format and separator character is shown as '?', so none can
/// move a terminal's cursor, forge a log line or reorder what is read. (JSON output escapes them already.)
/// </summary>
internal static class PrintableText
{
    public static string Safe(string? text) => UntrustedText.Printable(text);
}
