using System.Globalization;
using DtcNotify.Digest;
using DtcNotify.Hosting;
using DtcNotify.Remediation;
using DtcNotify.Text;

namespace DtcNotify.Cli;

/// <summary><c>stats [--since YYYY-MM-DD] [--json]</c>: the outcome of the warnings (per threat, sector and source).</summary>
internal static class StatsCommand
{
    public const string Usage = "usage: dtcnotify stats [--since YYYY-MM-DD] [--json]";

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--since");
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException(Usage);
        }

        DateTimeOffset? since = null;
        var sinceText = args.Get("--since");
        if (sinceText is not null)
        {
            // The day starts at midnight in the DTC's time zone (the digest's), like every day an analyst reads.
            since = DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? services.GetRequiredService<DigestSchedule>().StartOfDay(day)
                : throw new CliUsageException($"--since '{sinceText}' is not a date (YYYY-MM-DD)");
        }

        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var report = await ActivatorUtilities.CreateInstance<OutcomeStatistics>(scope.ServiceProvider).LoadAsync(since, sinceText, cancellationToken);
        if (args.Json)
        {
            CliJson.Write(console.Out, report);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync($"outcomes of warnings {(sinceText is null ? "(all time)" : $"since {sinceText}")}");
        await WriteAsync(console, "total", report.Total);
        foreach (var (title, rows, name) in new (string, IReadOnlyList<OutcomeFigures>, Func<OutcomeFigures, string?>)[]
                 { ("per threat", report.Threats, r => r.Threat), ("per sector", report.Sectors, r => r.Sector), ("per source", report.Sources, r => r.Source) })
        {
            await console.Out.WriteLineAsync(title);
            foreach (var row in rows)
            {
                await WriteAsync(console, "  " + name(row), row);
            }
        }

        return ExitCodes.Success;
    }

    private static Task WriteAsync(CliConsole console, string name, OutcomeFigures f) => console.Out.WriteLineAsync(PrintableText.Safe(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {f.Notified} notified, {f.Resolved} resolved ({f.ResolutionRate:P1}), {f.StillSeen} still seen, median {Days(f.MedianDaysToResolve)}, p90 {Days(f.P90DaysToResolve)} to resolve, {f.FollowUps} follow-ups")));

    private static string Days(double? days) => days is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d:0.#} d") : "—";
}
