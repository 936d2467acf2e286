namespace DtcNotify.Text;

/// <summary>
/// The name log calls use for <see cref="UntrustedText.Printable"/>: feed, registry, request and token-header values end
/// up in reject reasons, CLI lines and log messages, and every control, format and separator character is shown as '?'
/// so none can move a terminal's cursor, forge a log line or reorder what is read. It lives in the Teams library so the
/// bot protocol (inbound token headers, activity ids) and the host share it. (JSON output escapes them already.)
/// </summary>
public static class PrintableText
{
    public static string Safe(string? text) => UntrustedText.Printable(text);
}
