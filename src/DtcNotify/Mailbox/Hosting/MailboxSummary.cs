using DtcNotify.Domain.Mailbox;
using DtcNotify.Mailbox.Processing;

namespace DtcNotify.Mailbox.Hosting;

/// <summary>What one round found: the <c>mail inbox --json</c> output (issue #18 contract). Bounces count delays too.</summary>
internal sealed record MailboxSummary(int Processed, int Replies, int Bounces, int AutoReplies, int Unmatched)
{
    public static readonly MailboxSummary Empty = new(0, 0, 0, 0, 0);

    /// <summary>True when another instance held the mailbox and this round read nothing.</summary>
    public bool Busy { get; init; }

    public MailboxSummary Add(MailResult result) => this with
    {
        Processed = Processed + 1,
        Replies = Replies + (!result.Duplicate && result.Kind == InboundMailKind.Reply ? 1 : 0),
        Bounces = Bounces + (!result.Duplicate && result.Kind is InboundMailKind.Bounce or InboundMailKind.DeliveryNote ? 1 : 0),
        AutoReplies = AutoReplies + (!result.Duplicate && result.Kind == InboundMailKind.AutoReply ? 1 : 0),
        Unmatched = Unmatched + (!result.Duplicate && result.Kind == InboundMailKind.Unmatched ? 1 : 0),
    };
}
