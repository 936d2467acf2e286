using DtcNotify.Domain.Mailbox;

namespace DtcNotify.Mailbox.Processing;

/// <summary>
/// One message as a reader found it: its bytes, or (when it is over <c>Mail:Inbox:MaxMessageBytes</c>) only its size and
/// <see cref="Refusal"/>, the reason it was not read.
/// </summary>
internal sealed record RawMail(string Transport, string TransportId, byte[]? Content, long Size, string? Refusal = null);

/// <summary>What processing one message came to; the reader moves it accordingly (processed, or unmatched for Pickup).</summary>
internal sealed record MailResult(InboundMailKind Kind, bool Duplicate)
{
    public bool Unmatched => Kind == InboundMailKind.Unmatched;
}
