namespace DtcNotify.Text;

/// <summary>
/// The one entry point for untrusted text bound for logs and terminal lines. It lives in the Teams library so the bot
/// protocol (inbound token headers, activity ids) and the host share it.
/// </summary>
public static class PrintableText
{
    /// <summary>
    /// Feed, registry and request values end up in reject reasons, CLI lines and log messages; their control characters
    /// could move a terminal's cursor or forge log lines, so they are shown as '?'. (JSON output escapes them already.)
    /// </summary>
    public static string Safe(string? text) =>
        text is null ? "" :
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
}
