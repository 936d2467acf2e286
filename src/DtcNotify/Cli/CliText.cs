namespace DtcNotify.Cli;

internal static class CliText
{
    /// <summary>
    /// Feed and registry values end up in reject reasons; in a terminal their control characters could move the cursor
    /// or rewrite earlier lines, so they are shown as '?'. (JSON output escapes them already.)
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
