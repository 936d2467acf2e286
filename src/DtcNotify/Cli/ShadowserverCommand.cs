using DtcNotify.Hosting;
using DtcNotify.Shadowserver;
using DtcNotify.Text;

namespace DtcNotify.Cli;

/// <summary><c>shadowserver schema update [--from FILE|URL] [--json]</c> and <c>shadowserver collect [--date YYYY-MM-DD] [--json]</c>.</summary>
internal static class ShadowserverCommand
{
    public const string Usage = """
        usage: dtcnotify shadowserver schema update [--from FILE|URL] [--json]
               dtcnotify shadowserver collect [--date YYYY-MM-DD] [--json]
        """;

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var verb = string.Join(' ', args.Positional.Skip(1));
        return verb switch
        {
            "schema update" => await UpdateSchemaAsync(services, args, console, cancellationToken),
            "collect" => await CollectAsync(services, args, console, cancellationToken),
            _ => throw new CliUsageException(Usage),
        };
    }

    private static async Task<int> UpdateSchemaAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--from");
        await using var scope = services.CreateAsyncScope();
        SchemaUpdateResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<ShadowserverSchemaUpdater>().UpdateAsync(args.Get("--from"), cancellationToken);
        }
        catch (ShadowserverException ex)
        {
            throw new CliUsageException(PrintableText.Safe(ex.Message));
        }

        if (args.Json)
        {
            CliJson.Write(console.Out, result);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync(PrintableText.Safe(
            $"{result.File}: {result.ReportTypes} report types (created {result.DateCreated ?? "unknown"}); " +
            $"added: {List(result.Added)}; removed: {List(result.Removed)}; changed: {List(result.Changed)}"));
        if (result.IdentifiersWithoutAdvice.Count > 0)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"identifiers without their own advice in the playbook: {List(result.IdentifiersWithoutAdvice)}"));
        }

        return ExitCodes.Success;
    }

    private static async Task<int> CollectAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--date");
        DateOnly? date = args.Get("--date") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                ? day
                : throw new CliUsageException($"--date '{text}' is not a date (YYYY-MM-DD)")
            : null;
        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        CollectResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<ShadowserverCollector>().CollectAsync(date, ClaimHolder.New(), cancellationToken);
        }
        catch (ShadowserverException ex)
        {
            throw new CliUsageException(PrintableText.Safe(ex.Message));
        }

        if (args.Json)
        {
            CliJson.Write(console.Out, result);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync($"{result.Listed} listed, {result.Downloaded} downloaded, {result.Skipped} skipped (taken before), {result.Ingested.Count} ingested, {result.Failed.Count} failed");
        foreach (var report in result.Ingested)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"  {report.File}: import {report.Import}{(report.Duplicate ? " (duplicate)" : "")}, {report.Matched} matched; cases: {report.Cases.Created} new, {report.Cases.Updated} updated, {report.Cases.Suppressed} suppressed"));
        }

        foreach (var failure in result.Failed)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"  failed {failure.Id}: {failure.Reason}"));
        }

        return ExitCodes.Success;
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
