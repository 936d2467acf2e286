using System.Buffers;
using System.Globalization;
using System.Text;

namespace DtcNotify.Text;

/// <summary>
/// The one rule for text that came from outside (feeds, the registry, mail, partner APIs, Teams users): a reader sees
/// exactly what is there. Every control character (C0, DEL, C1), every Unicode format character (Cf: bidi embeddings,
/// overrides and isolates, LRM/RLM, zero-width characters, the BOM, the soft hyphen, tag characters), every line or
/// paragraph separator and every half surrogate pair is taken out before the text reaches a card, a card input, the
/// database, an e-mail, a call script or a log. Each sink adds its own escaping on top (<c>CardText</c> for markdown,
/// HTML encoding, MIME encoding).
/// </summary>
public static class UntrustedText
{
    /// <summary>Appended when text was cut to its bound.</summary>
    public const char Ellipsis = '…';

    /// <summary>
    /// Visible text of at most <paramref name="maxLength"/> UTF-16 units of the original (then followed by
    /// <see cref="Ellipsis"/>; a surrogate pair is never cut in half). Line breaks and other controls become a space, so
    /// words stay apart; format characters are removed (they are invisible, so nothing readable is joined). With
    /// <paramref name="multiline"/> a line break (CR LF, CR, LF, NEL, U+2028, U+2029) becomes one <c>\n</c> instead.
    /// </summary>
    public static string Clean(string? value, int maxLength = int.MaxValue, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.Length <= maxLength && !HasInvisible(value))
        {
            return value; // the common case allocates nothing
        }

        var text = new StringBuilder(Math.Min(value.Length, maxLength) + 1);
        for (var i = 0; i < value.Length;)
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var width);
            if (i + width > maxLength)
            {
                return text.Append(Ellipsis).ToString();
            }

            var crLf = rune.Value == '\r' && i + 1 < value.Length && value[i + 1] == '\n';
            i += width;
            if (status != OperationStatus.Done || IsFormat(rune) || crLf)
            {
                continue; // removed (of CR LF, the LF makes the one break or space)
            }

            if (IsLineBreak(rune))
            {
                text.Append(multiline ? '\n' : ' ');
            }
            else if (Rune.IsControl(rune))
            {
                text.Append(' ');
            }
            else
            {
                text.Append(value, i - width, width);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Text for a log line or a terminal: every invisible character (see <see cref="IsInvisible"/>) is shown as <c>?</c>,
    /// so an escape sequence cannot move the cursor, a line break cannot forge a log line and a bidi override cannot
    /// reorder what is read, while the reader still sees that something was there.
    /// </summary>
    public static string Printable(string? value)
    {
        if (string.IsNullOrEmpty(value) || !HasInvisible(value))
        {
            return value ?? "";
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length;)
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var width);
            if (status != OperationStatus.Done || IsInvisible(rune))
            {
                text.Append('?');
            }
            else
            {
                text.Append(value, i, width);
            }

            i += width;
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="value"/> holds anything <see cref="Clean"/> would take out.</summary>
    public static bool HasInvisible(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= ' ' and < '\u007F')
            {
                continue; // printable ASCII: the bulk of feed data, decided without a table lookup
            }

            if (!char.IsSurrogate(c))
            {
                if (IsInvisible(new Rune(c)))
                {
                    return true;
                }

                continue;
            }

            if (Rune.DecodeFromUtf16(value[i..], out var rune, out var width) != OperationStatus.Done || IsFormat(rune))
            {
                return true; // half a pair, or an astral format character such as the tag characters U+E0000-E007F
            }

            i += width - 1;
        }

        return false;
    }

    /// <summary>A control, format (Cf) or line/paragraph separator character.</summary>
    public static bool IsInvisible(Rune rune) => Rune.IsControl(rune) || IsFormat(rune) || IsLineBreak(rune);

    private static bool IsFormat(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;

    private static bool IsLineBreak(Rune rune) => rune.Value is '\n' or '\r' or '\u0085'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
