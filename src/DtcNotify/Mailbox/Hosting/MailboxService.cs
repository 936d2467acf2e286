using DtcNotify.Options;
using Microsoft.Extensions.Options;

namespace DtcNotify.Mailbox.Hosting;

/// <summary>
/// Reads the mailbox every <c>Mail:Inbox:PollSeconds</c> while the service runs. Never stops the host: a failed round
/// (mailbox or database unreachable) is logged once and retried after the back-off of every loop
/// (<see cref="DtcNotify.Hosting.ResilientLoop"/>); only shutdown ends it.
/// </summary>
internal sealed partial class MailboxService(MailboxPoller poller, IOptions<MailOptions> mail, TimeProvider clock, ILogger<MailboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mail.Value.Inbox.Kind == MailInboxTransport.Off)
        {
            return; // Mail:Inbox:Transport is empty: replies are read by no one (the thread poster still posts what `mail inbox` finds)
        }

        var interval = TimeSpan.FromSeconds(mail.Value.Inbox.PollSeconds);
        await new DtcNotify.Hosting.ResilientLoop("Reading the mailbox", clock, logger).RunAsync(
            async ct =>
            {
                var summary = await poller.RunOnceAsync(ct); // a failure leaves the messages in the mailbox for a later round
                if (summary.Processed > 0)
                {
                    Log.Round(logger, summary.Processed, summary.Replies, summary.Bounces, summary.AutoReplies, summary.Unmatched);
                }

                return interval;
            },
            stoppingToken);
    }

    private static partial class Log
    {
        [LoggerMessage(2701, LogLevel.Information, "Mailbox: {Processed} message(s): {Replies} replies, {Bounces} bounces, {AutoReplies} auto-replies, {Unmatched} unmatched")]
        public static partial void Round(ILogger logger, int processed, int replies, int bounces, int autoReplies, int unmatched);
    }
}
