using DtcNotify.Hosting;
using DtcNotify.Retention;

namespace DtcNotify.Cli;

/// <summary><c>purge [--dry-run] [--json]</c>: applies the retention periods now (the service does it daily).</summary>
internal static class PurgeCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--dry-run");
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("usage: dtcnotify purge [--dry-run] [--json]");
        }

        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(args.Has("--dry-run"), cancellationToken);
        if (counts is null)
        {
            await console.Error.WriteLineAsync("dtcnotify: another purge is running (the service's daily one, or another operator's); nothing was deleted, try again later");
            return ExitCodes.NotFound;
        }

        if (args.Json)
        {
            CliJson.Write(console.Out, counts);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync($"{(counts.DryRun ? "would delete" : "deleted")}: {counts.Observations} observation(s), {counts.Cases} case(s), {counts.Notifications} notification(s)");
        return ExitCodes.Success;
    }
}
