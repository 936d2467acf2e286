namespace DtcNotify.Digest;

/// <summary>The mailbox's part of the digest (issue #18), filled in by <see cref="DigestService"/>.</summary>
internal sealed partial record DigestReport
{
    public Mailbox.Channel.MailDigest Mail { get; init; } = Mailbox.Channel.MailDigest.Empty;
}
