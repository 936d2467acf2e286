using System.Globalization;
using DtcNotify.Digest;
using DtcNotify.Hosting;
using DtcNotify.Text;

namespace DtcNotify.Cli;

/// <summary>
/// <c>digest [--json] [--post [--force]]</c>: prints today's digest; <c>--post</c> posts it to the registered channel once
/// per day like the scheduler does (<c>--force</c> posts again). Without a registered channel <c>--post</c> exits with 2.
/// </summary>
internal static class DigestCommand
{
    public const string UsageLine = "usage: dtcnotify digest [--json] [--post [--force]]";

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--post", "--force");
        if (args.Positional.Count != 1 || (args.Has("--force") && !args.Has("--post")))
        {
            throw new CliUsageException(UsageLine);
        }

        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var digest = await scope.ServiceProvider.GetRequiredService<DigestService>().BuildAsync(cancellationToken);
        if (args.Json)
        {
            CliJson.Write(console.Out, digest);
        }
        else
        {
            await WriteTextAsync(console.Out, digest, scope.ServiceProvider.GetRequiredService<DigestSchedule>().Zone);
        }

        return args.Has("--post") ? await PostAsync(scope.ServiceProvider, args.Has("--force"), console, cancellationToken) : ExitCodes.Success;
    }

    private static async Task<int> PostAsync(IServiceProvider services, bool force, CliConsole console, CancellationToken cancellationToken)
    {
        var holder = $"cli/{Environment.MachineName}/{Environment.ProcessId}";
        var (outcome, run) = await services.GetRequiredService<DigestPublisher>().PostAsync(holder, force, cancellationToken);
        var (exit, message) = outcome switch
        {
            DigestPostOutcome.Posted => (ExitCodes.Success, "digest posted to the specialists' channel"),
            DigestPostOutcome.AlreadyPosted => (ExitCodes.Success, $"today's digest was already posted at {run?.PostedAt:u} by {run?.PostedBy}; --force posts it again"),
            DigestPostOutcome.NoChannel => (ExitCodes.BadUsage, "no specialists' channel is registered: install the bot in the team or configure Teams:TenantId, Teams:TeamId, Teams:ChannelId and Teams:ServiceUrl"),
            DigestPostOutcome.Busy => (ExitCodes.BadUsage, "another instance is posting the digest right now; try again in a few minutes"),
            _ => (ExitCodes.BadUsage, "the Bot Connector refused the digest (see the log)"),
        };
        await console.Error.WriteLineAsync(PrintableText.Safe($"dtcnotify: {message}"));
        return exit;
    }

    private static async Task WriteTextAsync(TextWriter output, DigestReport d, TimeZoneInfo zone)
    {
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"digest {d.Day} (since {Local(d.From)} until {Local(d.To)})",
            $"  awaiting approval:            {d.AwaitingApproval.Count}",
            $"  approved, not yet delivered:  {d.ApprovedNotDelivered.Count}",
            $"  delivered:                    {d.Delivered.Email} by e-mail, {d.Delivered.Phone} by phone",
            $"  calls due today:              {d.CallsDueToday}",
            $"  delivery failures:            {d.DeliveryFailures.Count}",
            $"  suppressed:                   {string.Join(", ", d.Suppressed.Select(s => $"{s.Name} {s.Count}"))}",
            $"  top threats:                  {string.Join(", ", d.TopThreats.Select(s => $"{s.Name} {s.Count}"))}",
        };
        lines.AddRange(d.AwaitingApproval.Oldest.Select(c => $"  oldest awaiting: {c.Id} {c.Company} {c.Threat} ({c.AgeHours} h)"));
        lines.AddRange(d.DeliveryFailures.Oldest.Select(c => $"  failed: {c.Id} {c.Company} {c.Threat}: {c.Detail}"));
        lines.AddRange(d.Shadowserver?.TextLines() ?? []);
        lines.AddRange(Mailbox.Channel.MailDigestLines.TerminalLines(d.Mail));
        lines.AddRange(d.Imports.Select(i => $"  import: {i.Source} {i.FileName}: {i.Rows} rows, {i.Observations} observations, {i.Rejected} rejected"));
        foreach (var line in lines)
        {
            await output.WriteLineAsync(PrintableText.Safe(line));
        }
    }
}
