using System.Text.RegularExpressions;
using MimeKit;

namespace DtcNotify.Mailbox.Classification;

/// <summary>
/// Automatic replies (out of office, ticket systems): RFC 3834's <c>Auto-Submitted</c>, the de-facto headers, Exchange's
/// markers and, last, the localized subjects Outlook puts on out-of-office replies (<c>mailbox.md</c> §4).
/// </summary>
internal static partial class AutoReplyMarkers
{
    public static bool IsAutomatic(MimeMessage message)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Autoresponse")
            || headers.Contains("X-MS-Exchange-Inbox-Rules-Loop"))
        {
            return true;
        }

        if (headers[HeaderId.Precedence]?.Trim().ToLowerInvariant() is "auto_reply" or "bulk" or "junk")
        {
            return true;
        }

        return AutoReplySubject().IsMatch(message.Subject ?? "");
    }

    [GeneratedRegex(@"^\s*(automatic reply|automatisch antwoord|auto(matic)?[- ]?reply|out of (the )?office|afwezig(heidsbericht)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AutoReplySubject();
}
