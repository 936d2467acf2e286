using System.Globalization;
using System.Text;

namespace DtcNotify.Mailbox.Classification;

/// <summary>
/// Mail text is hostile until shown otherwise: control characters, bidi overrides and other invisible format characters
/// go (a right-to-left override could make "exe.pdf" read as "fdp.exe"), lines are bounded. This is the stored form; cards
/// still escape it (<c>CardText.Escape</c>) and logs still pass it through <c>PrintableText</c>.
/// </summary>
internal static class UntrustedText
{
    /// <summary>One line: newlines and tabs become spaces, runs of spaces collapse, at most <paramref name="maxLength"/> characters.</summary>
    public static string Line(string value, int maxLength)
    {
        var text = Clean(value, keepNewlines: false);
        return Cap(string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)), maxLength);
    }

    /// <summary>Several lines: newlines stay, everything else invisible goes.</summary>
    public static string Lines(string value, int maxLength) => Cap(Clean(value, keepNewlines: true), maxLength);

    private static string Clean(string value, bool keepNewlines)
    {
        var text = new StringBuilder(value.Length);
        foreach (var ch in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (ch == '\n' && keepNewlines)
            {
                text.Append('\n');
            }
            else if (char.IsControl(ch) || char.IsWhiteSpace(ch))
            {
                text.Append(' ');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }

    private static string Cap(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)].TrimEnd() + "…";
}
