using DtcNotify.Feeds;
using DtcNotify.Hosting;
using DtcNotify.Intake;
using DtcNotify.Text;

namespace DtcNotify.Cli;

/// <summary><c>ingest FILE --source NAME [--format F] [--kind K] [--threat ID] [--report TYPE] [--force] [--json]</c>.</summary>
internal static class IngestCommand
{
    public const string Usage = "usage: dtcnotify ingest FILE --source NAME [--format shadowserver|intelmq|stix|misp|csv] [--kind periodic|incidental] [--threat IDENTIFIER] [--report TYPE] [--force] [--json]";

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--format", "--source", "--kind", "--threat", "--report", "--force");
        var path = args.Positional.Count == 2 ? args.Positional[1] : throw new CliUsageException(Usage);
        if (!File.Exists(path))
        {
            throw new CliUsageException($"{path}: cannot read: no such file");
        }

        var request = new IngestRequest(Path.GetFullPath(path), Path.GetFileName(path), args.Get("--source") ?? throw new CliUsageException("--source NAME is required: a source configured under Sources:<name>"))
        {
            Format = ParseFormat(args.Get("--format")),
            Kind = args.Get("--kind") is { } kind ? (kind is "periodic" or "incidental" ? kind : throw new CliUsageException("--kind must be periodic or incidental")) : null,
            Threat = args.Get("--threat"),
            ReportType = args.Get("--report"),
            Force = args.Has("--force"),
        };

        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        IngestResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<IngestService>().IngestAsync(request, cancellationToken);
        }
        catch (IngestRefusedException ex)
        {
            throw new CliUsageException(ex.Message);
        }

        if (args.Json)
        {
            CliJson.Write(console.Out, result);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync(result.Duplicate
            ? $"{path}: already imported from '{result.Source}' as import {result.Import} (same SHA-256); nothing done. Use --force to import it again."
            : $"import {result.Import}: {result.Format}, {result.Rows} rows, {result.Observations} observations, {result.Matched} matched, {result.Unmatched} unmatched, " +
              $"{result.RejectedCount} rejected; cases: {result.Cases.Created} new, {result.Cases.Updated} updated, {result.Cases.Suppressed} suppressed");
        foreach (var notice in result.Notices)
        {
            await console.Out.WriteLineAsync($"  note: {PrintableText.Safe(notice)}");
        }

        foreach (var reject in result.Rejected)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"  {path}: line {reject.Line}{(reject.Field is null ? "" : $" ({reject.Field})")}: {reject.Reason}"));
        }

        return ExitCodes.Success;
    }

    private static FeedFormat? ParseFormat(string? value) => value switch
    {
        null => null,
        "shadowserver" => FeedFormat.Shadowserver,
        "intelmq" => FeedFormat.IntelMq,
        "stix" => FeedFormat.Stix,
        "misp" => FeedFormat.Misp,
        "csv" => FeedFormat.Csv,
        _ => throw new CliUsageException($"--format '{value}' is not one of shadowserver, intelmq, stix, misp, csv"),
    };
}
