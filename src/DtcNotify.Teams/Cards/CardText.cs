using System.Text;
using DtcNotify.Text;

namespace DtcNotify.Teams.Cards;

/// <summary>
/// Untrusted strings (feed data, company names, analyst notes) on a card. Both forms first go through
/// <see cref="UntrustedText.Clean"/> (no control, format or separator character, bounded), then:
/// <see cref="Escape"/> makes the text inert as markdown in a TextBlock or Fact: it can never become a link, a mention,
/// formatting, a date function or a template expression (teams-protocol §D.5); <see cref="Plain"/> serves what Teams
/// never reads as markdown (input values, choice titles, preview titles, plain thread replies).
/// </summary>
public static class CardText
{
    private const string MarkdownSpecials = "\\*_[]()#+-.!`~>|";

    // A zero-width non-joiner breaks "{{" and "${" without changing what is read. UntrustedText.Clean removes it again
    // (it is a format character), so text an analyst sends back from a card input needs no special undoing.
    private const char TemplateBreak = '\u200C';

    public static string Escape(string? value, int maxLength = 500)
    {
        var clean = UntrustedText.Clean(value, maxLength);
        var text = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            if (c == '<')
            {
                text.Append('‹'); // a look-alike: "<at>" can never form a mention
            }
            else if (c == '>')
            {
                text.Append('›');
            }
            else if (c is '{' or '$')
            {
                text.Append(c).Append(TemplateBreak);
            }
            else
            {
                if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
                {
                    text.Append('\\');
                }

                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>Text Teams shows as it is: only invisible characters, length and template expressions need care.</summary>
    public static string Plain(string? value, int maxLength = 200, bool multiline = false)
    {
        var clean = UntrustedText.Clean(value, maxLength, multiline);
        if (clean.AsSpan().IndexOfAny('{', '$') < 0)
        {
            return clean;
        }

        var text = new StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            text.Append(c);
            if (c is '{' or '$')
            {
                text.Append(TemplateBreak);
            }
        }

        return text.ToString();
    }
}
