using System.Text;
using MimeKit.Text;

namespace DtcNotify.Mailbox.Classification;

/// <summary>
/// The readable text of an HTML body, from MimeKit's tokenizer: nothing is rendered or fetched, script and style are
/// skipped, block elements become line breaks, and the quoted history Outlook and Gmail put in a blockquote or a
/// reply container ends the text.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template", "noscript" };
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase) { "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr" };

    public static string From(string html, int maxLength = 100_000)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html.Length > 4 * maxLength ? html[..(4 * maxLength)] : html));
        var skipping = 0;
        while (text.Length < maxLength && tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when Skipped.Contains(tag.Name) && !tag.IsEmptyElement:
                    skipping = Math.Max(0, skipping + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when !tag.IsEndTag && StartsQuotedHistory(tag):
                    return text.ToString();
                case HtmlTagToken tag when Blocks.Contains(tag.Name):
                    text.Append('\n');
                    break;
                case HtmlDataToken data when skipping == 0:
                    text.Append(data.Data);
                    break;
            }
        }

        return text.ToString();
    }

    private static bool StartsQuotedHistory(HtmlTagToken tag)
    {
        if (tag.Name.Equals("blockquote", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var attribute in tag.Attributes)
        {
            var value = attribute.Value ?? "";
            if ((attribute.Name.Equals("class", StringComparison.OrdinalIgnoreCase) && value.Contains("gmail_quote", StringComparison.OrdinalIgnoreCase))
                || (attribute.Name.Equals("id", StringComparison.OrdinalIgnoreCase) && value is "divRplyFwdMsg" or "appendonsend" or "x_divRplyFwdMsg"))
            {
                return true;
            }
        }

        return false;
    }
}
