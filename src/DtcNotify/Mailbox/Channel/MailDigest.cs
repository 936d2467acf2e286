using DtcNotify.Data;
using DtcNotify.Digest;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Mailbox.Channel;

/// <summary>The digest's mailbox part: open cases whose last reply is newer than anything done on them, and mail that matched no case in the window.</summary>
internal sealed record MailDigest(IReadOnlyList<UnansweredReply> Unanswered, int UnmatchedCount, IReadOnlyList<UnmatchedLine> Unmatched)
{
    public const int Shown = 10;

    public static readonly MailDigest Empty = new([], 0, []);
}

internal sealed record UnansweredReply(string Id, string Company, DateTimeOffset ReplyAt);

internal sealed record UnmatchedLine(string? From, string? Subject, DateTimeOffset ReceivedAt, string? Reason);

/// <summary>Reads <see cref="MailDigest"/> for a digest window.</summary>
internal sealed class MailDigestQuery(DtcNotifyDbContext db)
{
    public async Task<MailDigest> LoadAsync(DigestWindow window, CancellationToken ct)
    {
        var unanswered = await db.Cases.AsNoTracking()
            .Where(c => c.LastReplyAt != null && (c.LastActionAt == null || c.LastReplyAt > c.LastActionAt)
                && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected)
            .Join(db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new { c.Id, c.Reference, co.Name, c.LastReplyAt })
            .ToListAsync(ct);
        var unmatched = db.Set<InboundMail>().AsNoTracking()
            .Where(m => m.Kind == InboundMailKind.Unmatched && m.ReceivedAt >= window.From && m.ReceivedAt < window.To);
        var lines = await unmatched.OrderBy(m => m.Id).Take(MailDigest.Shown)
            .Select(m => new UnmatchedLine(m.From, m.Subject, m.ReceivedAt, m.Detail)).ToListAsync(ct);
        return new MailDigest(
            [.. unanswered.OrderBy(u => u.LastReplyAt).Take(MailDigest.Shown)
                .Select(u => new UnansweredReply(u.Reference ?? u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Name, u.LastReplyAt!.Value))],
            await unmatched.CountAsync(ct),
            lines);
    }
}

/// <summary>The digest card's and text's lines for <see cref="MailDigest"/>.</summary>
internal static class MailDigestLines
{
    public static IEnumerable<CardElement> Card(MailDigest mail, AnalystTexts texts)
    {
        yield return new TextBlock($"{texts[nameof(AnalystText.MailboxDigestUnanswered)]} ({mail.Unanswered.Count})") { Weight = "Bolder", Separator = true };
        foreach (var line in Text(mail, texts, unmatched: false, CardText.Escape).DefaultIfEmpty(texts[nameof(AnalystText.MailboxDigestNone)]))
        {
            yield return new TextBlock(line) { Spacing = "None" };
        }

        yield return new TextBlock($"{texts[nameof(AnalystText.MailboxDigestUnmatched)]} ({mail.UnmatchedCount})") { Weight = "Bolder", Separator = true };
        foreach (var line in Text(mail, texts, unmatched: true, CardText.Escape).DefaultIfEmpty(texts[nameof(AnalystText.MailboxDigestNone)]))
        {
            yield return new TextBlock(line) { Spacing = "None" };
        }
    }

    /// <summary>One line per case or message; <paramref name="escape"/> makes mail and registry text safe where it goes (card or terminal).</summary>
    public static IEnumerable<string> Text(MailDigest mail, AnalystTexts texts, bool unmatched, Func<string?, int, string> escape) => unmatched
        ? mail.Unmatched.Select(m => $"{MailTime.Local(m.ReceivedAt, texts)} · {escape(m.From ?? "?", 80)} · {escape(m.Subject, 100)} · {escape(m.Reason, 120)}")
        : mail.Unanswered.Select(u => $"{escape(u.Id, 30)} · {escape(u.Company, 80)} · {MailTime.Local(u.ReplyAt, texts)}");

    /// <summary>For <c>digest</c> in a terminal (the caller passes each line through PrintableText).</summary>
    public static IEnumerable<string> TerminalLines(MailDigest mail)
    {
        static string Plain(string? value, int max) => value is null ? "" : value.Length > max ? value[..max] + "…" : value;
        return Text(mail, AnalystTexts.English, unmatched: false, Plain).Select(l => $"  unanswered reply: {l}")
            .Concat(Text(mail, AnalystTexts.English, unmatched: true, Plain).Select(l => $"  unmatched mail: {l}"));
    }
}
