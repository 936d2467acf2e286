namespace DtcNotify.Text;

internal static class PrintableText
{
    /// <summary>
    /// Feed, registry and request values end up in reject reasons, CLI lines and log messages; their control characters
    /// could move a terminal's cursor or forge log lines, so they are shown as '?'. (JSON output escapes them already.)
    /// </summary>
    public static string Safe(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
}
