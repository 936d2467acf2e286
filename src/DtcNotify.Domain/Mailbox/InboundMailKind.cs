namespace DtcNotify.Domain.Mailbox;

/// <summary>What a message from the mailbox turned out to be. Stored as the names of <see cref="InboundMailKindNames"/>.</summary>
public enum InboundMailKind
{
    Reply = 1,
    AutoReply = 2,

    /// <summary>A permanent delivery failure (5.x.x) of an address we sent to: the notification failed.</summary>
    Bounce = 3,

    /// <summary>A transient failure or delay (4.x.x), or a bounce we could not tie to the address: a thread note only.</summary>
    DeliveryNote = 4,

    Unmatched = 5,
}

public static class InboundMailKindNames
{
    public static string ToName(this InboundMailKind kind) => kind switch
    {
        InboundMailKind.Reply => "reply",
        InboundMailKind.AutoReply => "auto_reply",
        InboundMailKind.Bounce => "bounce",
        InboundMailKind.DeliveryNote => "delivery_note",
        InboundMailKind.Unmatched => "unmatched",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static InboundMailKind Parse(string name) => name switch
    {
        "reply" => InboundMailKind.Reply,
        "auto_reply" => InboundMailKind.AutoReply,
        "bounce" => InboundMailKind.Bounce,
        "delivery_note" => InboundMailKind.DeliveryNote,
        "unmatched" => InboundMailKind.Unmatched,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown inbound mail kind"),
    };
}
