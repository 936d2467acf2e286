using System.Text.RegularExpressions;
using MimeKit;

namespace DtcNotify.Mailbox.Classification;

/// <summary>
/// The new text of a reply: the plain-text body (or the HTML's text), cut at the first sign of quoted history in Dutch
/// or English (Outlook header blocks, "Op … schreef", "On … wrote", "&gt;" lines, signatures of phones), at most
/// <see cref="MaxLength"/> characters, cleaned of anything invisible.
/// </summary>
internal static partial class ReplyText
{
    public const int MaxLength = 800;

    public static string Extract(MimeMessage message)
    {
        var body = message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.From(html) : "");
        return MailLine.Lines(Tidy(StripQuotes(body)), MaxLength);
    }

    internal static string StripQuotes(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length && kept.Count < 400; i++)
        {
            var line = lines[i].TrimEnd();
            var withNext = i + 1 < lines.Length ? $"{line} {lines[i + 1].Trim()}" : line;
            var attribution = Attribution().IsMatch(line) || (line.TrimStart().StartsWith("O", StringComparison.OrdinalIgnoreCase) && Attribution().IsMatch(withNext));
            if (QuoteMarker().IsMatch(line) || attribution)
            {
                break;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept);
    }

    private static string Tidy(string text) => BlankLines().Replace(text.Trim(), "\n\n");

    [GeneratedRegex(@"^\s*(>|-{2,}\s*(original message|oorspronkelijk bericht|forwarded message|doorgestuurd bericht)|_{5,}|(from|van|sent|verzonden|verstuurd):\s|(sent from my|verzonden (vanaf|met) mijn|verstuurd (vanaf|met) mijn)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex QuoteMarker();

    // "On Mon, 7 Dec 2026 at 10:00, DTC <x@y> wrote:" and "Op ma 7 dec. 2026 om 10:00 schreef DTC <x@y>:", possibly wrapped.
    [GeneratedRegex(@"^\s*(on\s.{1,200}\swrote:|op\s.{1,200}\s(schreef|heeft\s.{1,100}\sgeschreven)\b.{0,200}:)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex BlankLines();
}
