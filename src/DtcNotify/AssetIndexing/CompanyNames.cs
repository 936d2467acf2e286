using System.Globalization;
using System.Text;

namespace DtcNotify.AssetIndexing;

/// <summary>Company names compared as people type them: case, accents, punctuation and legal-form suffixes do not matter.</summary>
internal static class CompanyNames
{
    private static readonly string[] LegalForms = ["bv", "nv", "vof", "cv", "bvba", "ltd", "gmbh", "holding"];

    public static string Normalise(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '.')
            {
                continue;
            }

            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && LegalForms.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }
}
