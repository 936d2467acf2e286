using System.Security.Cryptography;
using DtcNotify.Data;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Mailbox.Classification;
using DtcNotify.Options;
using DtcNotify.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DtcNotify.Mailbox.Processing;

/// <summary>
/// Processes one message from any reader: parse, classify, match, then record it and its effects in one transaction.
/// <para>
/// Exactly once: the message's fingerprint (its Message-Id, else the SHA-256 of its bytes) is unique in
/// <c>inbound_mail</c>. A message read again — after a crash between processing and moving it, a replayed Graph delta
/// page, or by a second instance — is found there and only moved; two racing inserts leave one row and one set of effects.
/// A message that cannot be read is recorded as unmatched with the reason: nothing is dropped.
/// </para>
/// </summary>
internal sealed partial class MailProcessor(
    DtcNotifyDbContext db, MailCaseMatcher matcher, MailEffects effects, IOptions<MailOptions> mail, TimeProvider clock, ILogger<MailProcessor> logger)
{
    public async Task<MailResult> ProcessAsync(RawMail raw, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (raw.Content is null)
        {
            return await RecordAsync(Unmatched(raw, $"{raw.Transport}:{raw.TransportId}:{raw.Size}", null, raw.Refusal ?? "not read", now), null, ct);
        }

        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(new MemoryStream(raw.Content, writable: false), ct);
        }
        catch (FormatException e)
        {
            return await RecordAsync(Unmatched(raw, Hash(raw.Content), null, $"cannot be parsed: {MailLine.Line(e.Message, 200)}", now), null, ct);
        }

        var fingerprint = MessageIds.Clean(message.MessageId) ?? Hash(raw.Content);
        if (await KnownAsync(fingerprint, ct) is { } known)
        {
            return new MailResult(known, Duplicate: true);
        }

        var classified = MailClassifier.Classify(message);
        var match = await matcher.MatchAsync(classified, OurDomains(), ct);
        var (row, effect) = effects.Decide(raw, fingerprint, classified, match, now);
        return await RecordAsync(row, effect, ct);
    }

    private async Task<MailResult> RecordAsync(InboundMail row, Func<CancellationToken, Task>? effect, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Set<InboundMail>().Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                if (effect is not null)
                {
                    await effect(ct);
                }

                await transaction.CommitAsync(ct);
                Log.Recorded(logger, row.Kind.ToName(), row.CaseId, PrintableText.Safe(row.Transport), row.Bytes);
                return new MailResult(row.Kind, Duplicate: false);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // An analyst changed the case meanwhile: roll back and apply the effects again on the new version.
                await transaction.RollbackAsync(ct);
                row = Copy(row);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if (await KnownAsync(row.Fingerprint, CancellationToken.None) is { } known)
                {
                    // Another instance recorded the same message first: its effects stand, ours are rolled back.
                    return new MailResult(known, Duplicate: true);
                }

                throw;
            }
        }
    }

    private Task<InboundMailKind?> KnownAsync(string fingerprint, CancellationToken ct) =>
        db.Set<InboundMail>().AsNoTracking().Where(m => m.Fingerprint == fingerprint).Select(m => (InboundMailKind?)m.Kind).FirstOrDefaultAsync(ct);

    /// <summary>The domains of our own Message-Ids: that of <c>Mail:From</c>, or the local placeholder's.</summary>
    private string[] OurDomains()
    {
        var from = string.IsNullOrWhiteSpace(mail.Value.From) ? "dtcnotify@localhost" /* MailSender's placeholder */ : mail.Value.From;
        return [from[(from.LastIndexOf('@') + 1)..]];
    }

    internal static InboundMail Unmatched(RawMail raw, string fingerprint, ClassifiedMail? mail, string reason, DateTimeOffset now) => new()
    {
        Fingerprint = fingerprint,
        Transport = raw.Transport,
        TransportId = raw.TransportId,
        MessageId = mail?.MessageId,
        Kind = InboundMailKind.Unmatched,
        From = mail?.From,
        Subject = mail?.Subject,
        SentAt = mail?.Date,
        ReceivedAt = now,
        Bytes = raw.Size,
        Text = mail?.Text is { Length: > 0 } text ? text : null,
        Detail = MailLine.Line(reason, 1000),
        Attachments = mail?.Attachments,
    };

    private static InboundMail Copy(InboundMail row) => new()
    {
        Fingerprint = row.Fingerprint, Transport = row.Transport, TransportId = row.TransportId, MessageId = row.MessageId, Kind = row.Kind,
        CaseId = row.CaseId, NotificationId = row.NotificationId, MatchedBy = row.MatchedBy, From = row.From, Subject = row.Subject,
        SentAt = row.SentAt, ReceivedAt = row.ReceivedAt, Bytes = row.Bytes, Text = row.Text, Detail = row.Detail, Attachments = row.Attachments,
    };

    private static string Hash(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static partial class Log
    {
        [LoggerMessage(2702, LogLevel.Information, "Mailbox message recorded as {Kind} (case {CaseId}) from {Transport}, {Bytes} bytes")]
        public static partial void Recorded(ILogger logger, string kind, long? caseId, string transport, long bytes);
    }
}
