using System.Globalization;
using System.Text;

namespace DtcNotify.TestHarness;

/// <summary>
/// The invisible characters issue #13 found reaching cards, mail, call scripts and logs, and an oracle written
/// independently of the production rule (<c>DtcNotify.Text.UntrustedText</c>) to check any output for them.
/// </summary>
public static class InvisibleText
{
    /// <summary>Bidi embeddings/overrides (U+202A–E), isolates (U+2066–9), LRM/RLM, BOM, zero-width space, soft hyphen,
    /// line/paragraph separators, C0 (NUL, BEL, ESC, CR, LF, TAB, DEL) and C1 (NEL, CSI) controls, an astral tag character.</summary>
    public static readonly string[] Characters =
    [
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F",
        "\uFEFF", "\u200B", "\u00AD", "\u2028", "\u2029", "\u0000", "\u0007", "\u001B", "\r", "\n", "\t", "\u007F",
        "\u0085", "\u009B", "\U000E0041",
    ];

    /// <summary><paramref name="visible"/> with every invisible character after its first letter, e.g. for a company name.</summary>
    public static string Woven(string visible) => visible[..1] + string.Concat(Characters) + visible[1..];

    /// <summary>Each invisible character between two words, for theories.</summary>
    public static IEnumerable<object[]> EachBetween(string before, string after) => Characters.Select(c => new object[] { before + c + after });

    /// <summary>The offending characters in <paramref name="text"/> (named by code point), allowing those listed.</summary>
    public static IReadOnlyList<string> Found(string? text, params char[] allowed)
    {
        text ??= "";
        var found = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (Array.IndexOf(allowed, text[i]) >= 0)
            {
                continue;
            }

            if (char.IsSurrogate(text[i]))
            {
                if (i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]))
                {
                    var rune = new Rune(text[i], text[i + 1]);
                    if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
                    {
                        found.Add($"U+{rune.Value:X4}");
                    }

                    i++;
                    continue;
                }

                found.Add($"lone U+{(int)text[i]:X4}");
                continue;
            }

            if (char.IsControl(text[i]) || char.GetUnicodeCategory(text[i]) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                found.Add($"U+{(int)text[i]:X4} at {i}");
            }
        }

        return found;
    }
}
