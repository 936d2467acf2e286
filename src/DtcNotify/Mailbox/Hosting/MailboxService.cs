using DtcNotify.Options;
using Microsoft.Extensions.Options;

namespace DtcNotify.Mailbox.Hosting;

/// <summary>
/// Reads the mailbox every <c>Mail:Inbox:PollSeconds</c> while the service runs. Never stops the host: a failed round
/// (mailbox or database unreachable) is logged once and retried after a growing pause, up to ten rounds; only shutdown ends it.
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
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var summary = await poller.RunOnceAsync(stoppingToken);
                if (summary.Processed > 0)
                {
                    Log.Round(logger, summary.Processed, summary.Replies, summary.Bounces, summary.AutoReplies, summary.Unmatched);
                }

                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                Log.RoundFailed(logger, failures, e);
            }

            await Task.Delay(interval * Math.Min(10, 1 << Math.Min(failures, 4)), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Mailbox: {Processed} message(s): {Replies} replies, {Bounces} bounces, {AutoReplies} auto-replies, {Unmatched} unmatched")]
        public static partial void Round(ILogger logger, int processed, int replies, int bounces, int autoReplies, int unmatched);

        [LoggerMessage(2, LogLevel.Error, "Reading the mailbox failed ({Failures} in a row); the messages stay and are read again later")]
        public static partial void RoundFailed(ILogger logger, int failures, Exception exception);
    }
}
