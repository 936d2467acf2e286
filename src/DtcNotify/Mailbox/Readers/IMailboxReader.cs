using DtcNotify.Mailbox.Processing;

namespace DtcNotify.Mailbox.Readers;

/// <summary>Processes one message and says what it was, so the reader can move it.</summary>
internal delegate Task<MailResult> ProcessMail(RawMail mail, CancellationToken cancellationToken);

/// <summary>
/// One mail transport's way in (Graph, IMAP, Pickup): finds the waiting messages, hands each to <see cref="ProcessMail"/>
/// and only then moves it out of the way. A failure of processing (the database, say) stops the round with the message
/// still waiting, so it is read again next time; the processor recognises what it has already recorded.
/// </summary>
internal interface IMailboxReader
{
    string Name { get; }

    Task ReadAsync(ProcessMail process, CancellationToken cancellationToken);
}
