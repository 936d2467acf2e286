using System.Text.RegularExpressions;
using MimeKit;

namespace DtcNotify.Mailbox.Classification;

/// <summary>
/// Reads delivery failures (<c>mailbox.md</c> §3): RFC 3464 reports first; then Exchange's NDRs, which may be plain
/// multipart/mixed; then the common non-standard forms (qmail, Exim, Gmail, MAILER-DAEMON, a null Return-Path), whose
/// status code and addresses are taken from the text. A bounce we cannot read in any of these ways is left to a person
/// (it is then a reply or an unmatched message, never dropped).
/// </summary>
internal static partial class BounceReader
{
    public static BounceReport? Read(MimeMessage message)
    {
        var statusGroups = message.BodyParts.OfType<MessageDeliveryStatus>().ToList();
        if (statusGroups.Count > 0)
        {
            var reported = statusGroups.SelectMany(FromDeliveryStatus).ToList();
            return reported.Count == 0 ? null : new BounceReport(reported, []);
        }

        if (!LooksLikeBounce(message))
        {
            return null;
        }

        var text = BodyText(message);
        var status = StatusCode().Matches(text).Select(m => m.Value).OrderBy(s => s[0] == '5' ? 0 : s[0] == '4' ? 1 : 2).FirstOrDefault();
        if (status is null)
        {
            return null;
        }

        var diagnostic = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(status, StringComparison.Ordinal));
        var failed = (message.Headers["X-Failed-Recipients"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(a => a.Contains('@', StringComparison.Ordinal)).Select(a => a.ToLowerInvariant()).ToList();
        var clean = diagnostic is null ? null : MailLine.Line(diagnostic, 250);
        IReadOnlyList<BounceFailure> failures = failed.Count > 0
            ? [.. failed.Select(a => new BounceFailure(MailLine.Line(a, 320), status, clean))]
            : [new BounceFailure(null, status, clean)];
        return new BounceReport(failures, [.. Address().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(50)]);
    }

    /// <summary>The Message-Ids of the returned original: an attached message/rfc822, text/rfc822-headers, or headers quoted in the text.</summary>
    public static IEnumerable<string> OriginalIds(MimeMessage message) =>
        OriginalHeaders(message).Select(h => MessageIds.Clean(h[HeaderId.MessageId])).OfType<string>()
            .Concat(QuotedMessageId().Matches(BodyText(message)).Select(m => MessageIds.Clean(m.Groups["id"].Value)).OfType<string>());

    /// <summary>Our <c>X-DtcNotify-Notification</c> header in the returned original, when the bounce kept it.</summary>
    public static IReadOnlyList<Guid> OriginalNotificationIds(MimeMessage message) =>
        [.. OriginalHeaders(message).Select(h => h["X-DtcNotify-Notification"])
            .Concat(QuotedNotificationHeader().Matches(BodyText(message)).Select(m => m.Groups["id"].Value))
            .Select(v => Guid.TryParse(v?.Trim(), out var id) ? id : (Guid?)null).OfType<Guid>().Distinct()];

    private static IEnumerable<BounceFailure> FromDeliveryStatus(MessageDeliveryStatus report)
    {
        // Group 0 describes the reporting MTA; every later group is one recipient.
        foreach (var group in report.StatusGroups.Skip(1))
        {
            var status = StatusCode().Match(group["Status"] ?? "");
            var action = group["Action"]?.Trim().ToLowerInvariant();
            if (!status.Success || action is "delivered" or "relayed" or "expanded")
            {
                continue;
            }

            var recipient = group["Final-Recipient"] ?? group["Original-Recipient"];
            var address = recipient?[(recipient.IndexOf(';', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>').ToLowerInvariant();
            var diagnostic = group["Diagnostic-Code"] is { } code ? MailLine.Line(code, 250) : null;
            yield return new BounceFailure(address is { Length: > 0 } ? MailLine.Line(address, 320) : null, status.Value, diagnostic);
        }
    }

    private static bool LooksLikeBounce(MimeMessage message)
    {
        if (message.Headers.Contains("X-MS-Exchange-Message-Is-Ndr") || message.Headers.Contains("X-Failed-Recipients"))
        {
            return true;
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var nullSender = message.Headers[HeaderId.ReturnPath]?.Trim() == "<>";
        var daemon = from.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || from.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase)
            || from.StartsWith("MicrosoftExchange", StringComparison.OrdinalIgnoreCase);
        return (daemon || nullSender) && BounceSubject().IsMatch(message.Subject ?? "");
    }

    private static IEnumerable<HeaderList> OriginalHeaders(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            if (part is MessagePart { Message: { } original })
            {
                yield return original.Headers;
            }
            else if (part is TextPart text && part.ContentType.IsMimeType("text", "rfc822-headers"))
            {
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.Text + "\r\n\r\n"));
                HeaderList? headers = null;
                try
                {
                    headers = HeaderList.Load(stream);
                }
                catch (FormatException)
                {
                    // Truncated or mangled headers: the other ways of finding the original still apply.
                }

                if (headers is not null)
                {
                    yield return headers;
                }
            }
        }
    }

    private static string BodyText(MimeMessage message) =>
        message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.From(html) : "");

    [GeneratedRegex(@"\b[245]\.\d{1,3}\.\d{1,3}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,63}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Address();

    [GeneratedRegex(@"^\s*Message-I[Dd]:\s*<?(?<id>[^\s<>]{1,900})>?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex QuotedMessageId();

    [GeneratedRegex(@"^\s*X-DtcNotify-Notification:\s*(?<id>[0-9a-fA-F\-]{32,36})\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex QuotedNotificationHeader();

    [GeneratedRegex(@"undeliver|onbestelbaar|failure notice|delivery (status notification|failure|has failed)|mail delivery (failed|subsystem)|returned mail|returned to sender|delivery delayed|not delivered|niet bezorgd",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex BounceSubject();
}
