using DtcNotify.Data;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Hosting;
using DtcNotify.Mailbox.Hosting;
using DtcNotify.Options;
using DtcNotify.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Cli;

/// <summary>
/// <c>mail inbox [--json]</c> reads the mailbox once, as the service does on its schedule (what it finds reaches the card
/// and thread through the running service); <c>mail unmatched [--json]</c> lists the mail that matched no case.
/// </summary>
internal static class MailCommand
{
    public const string UsageLine = "usage: dtcnotify mail inbox [--json] | dtcnotify mail unmatched [--json]";

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken ct)
    {
        args.Allow("--json");
        if (args.Positional.Count != 2 || args.Positional[1] is not ("inbox" or "unmatched"))
        {
            throw new CliUsageException(UsageLine);
        }

        await Database.DatabaseMigrator.MigrateAsync(services, ct);
        return args.Positional[1] == "inbox" ? await InboxAsync(services, args, console, ct) : await UnmatchedAsync(services, args, console, ct);
    }

    private static async Task<int> InboxAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken ct)
    {
        if (services.GetRequiredService<IOptions<MailOptions>>().Value.Inbox.Kind == MailInboxTransport.Off)
        {
            throw new CliUsageException("Mail:Inbox:Transport is empty: set it to Graph, Imap or Pickup to read the mailbox");
        }

        var summary = await services.GetRequiredService<MailboxPoller>().RunOnceAsync(ct);
        if (summary.Busy)
        {
            await console.Error.WriteLineAsync("dtcnotify: another instance is reading the mailbox right now; try again in a few minutes");
            return ExitCodes.BadUsage;
        }

        if (args.Json)
        {
            CliJson.Write(console.Out, new { summary.Processed, summary.Replies, summary.Bounces, summary.AutoReplies, summary.Unmatched });
        }
        else
        {
            await console.Out.WriteLineAsync($"{summary.Processed} message(s): {summary.Replies} replies, {summary.Bounces} bounces, {summary.AutoReplies} auto-replies, {summary.Unmatched} unmatched");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> UnmatchedAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>().Set<InboundMail>().AsNoTracking()
            .Where(m => m.Kind == InboundMailKind.Unmatched).OrderBy(m => m.Id)
            .Select(m => new UnmatchedMail(m.ReceivedAt, m.From, m.Subject, m.SentAt, m.Detail, m.Transport, m.TransportId, m.MessageId, m.Bytes))
            .ToListAsync(ct);
        if (args.Json)
        {
            CliJson.Write(console.Out, rows);
            return ExitCodes.Success;
        }

        foreach (var m in rows)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"{m.ReceivedAt:u}  {m.From ?? "?"}  \"{m.Subject}\"  ({m.Reason}; {m.Transport} {m.TransportId})"));
        }

        await console.Out.WriteLineAsync($"{rows.Count} unmatched message(s)");
        return ExitCodes.Success;
    }

    private sealed record UnmatchedMail(
        DateTimeOffset ReceivedAt, string? From, string? Subject, DateTimeOffset? Date, string? Reason, string Transport, string TransportId, string? MessageId, long Bytes);
}
