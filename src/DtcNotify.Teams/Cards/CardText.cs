using System.Text;

namespace DtcNotify.Teams.Cards;

/// <summary>
/// Makes an untrusted string (feed data, company names, analyst notes) inert in a markdown TextBlock or Fact: it can
/// never become a link, a mention, formatting, a date function or a template expression (teams-protocol §D.5).
/// </summary>
public static class CardText
{
    private const string MarkdownSpecials = "\\*_[]()#+-.!`~>|";

    public static string Escape(string? value, int maxLength = 500)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(value.Length, maxLength) + 16);
        var taken = 0;
        foreach (var c in value)
        {
            if (taken == maxLength)
            {
                text.Append('…');
                break;
            }

            taken++;
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200B' or '\u202E' or '\u202D')
            {
                text.Append(' ');
            }
            else if (c == '<')
            {
                text.Append('‹'); // a look-alike: "<at>" can never form a mention
            }
            else if (c == '>')
            {
                text.Append('›');
            }
            else if (c is '{' or '$')
            {
                text.Append(c).Append('\u200C'); // a zero-width non-joiner breaks "{{" and "${" without changing what is read
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
}
