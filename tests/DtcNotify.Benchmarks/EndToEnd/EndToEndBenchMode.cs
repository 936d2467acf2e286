using System.Globalization;
using System.Text.Json;
using DtcNotify.Benchmarks.Matching;
using DtcNotify.Matching;

namespace DtcNotify.Benchmarks.EndToEnd;

/// <summary>
/// <c>bench-e2e [--rows N] [--matched-share F] [--scale F] [--app PATH/dtcnotify.dll] [--dir DIR] [--provider sqlite|postgres|both] [--connection CONN]</c>:
/// writes the issue's registry as a registry CSV and a scan_ftp report, then runs the real CLI (Release build of src/DtcNotify) as child
/// processes against a fresh database (<see cref="BenchDatabase"/>: a SQLite file, or a PostgreSQL database on CONN, by default the CI one):
/// the registry phases of <see cref="RegistryImportPhases"/> (first import, re-import, 1 % changed; in every run, each compared
/// with the ingest) and <c>ingest --json</c> (the target) on a copy of the first import. Ends with one table of the providers side by side.
/// With <c>--dir</c> the files are kept and a later run reuses the registry CSVs and a report of the same size and share
/// (the registry is imported again in every run: its phases are part of the figures).
/// With <c>--notified</c> the cases of that ingest are then marked notified two days earlier (as many as the report
/// created: 82,531 for the default report) and a second report of the same kind and size (another seed) is ingested and
/// timed: the remediation bookkeeping's cost on top of the same ingest.
/// </summary>
public static class EndToEndBenchMode
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rows = (int)Number(args, "--rows", 1_000_000);
        var matchedShare = Number(args, "--matched-share", 0.2);
        var scale = Number(args, "--scale", 1.0);
        var app = Option(args, "--app") ?? DefaultApp();
        var providers = BenchDatabase.Providers(Option(args, "--provider"));
        var keep = Option(args, "--dir");
        var folder = keep is null ? Directory.CreateTempSubdirectory("dtcnotify-bench-e2e-").FullName : Directory.CreateDirectory(keep).FullName;
        try
        {
            Print($"End-to-end benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}; app {app}");
            var reports = Directory.CreateDirectory(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"report-{rows}-{matchedShare}"))).FullName;
            var registry = Registry(scale);
            var runs = new List<ProviderRun>();
            foreach (var provider in providers)
            {
                using var database = BenchDatabase.Open(provider, folder, keep is not null, Option(args, "--connection"));
                Print($"--- {database.Label}");
                var phases = RegistryImportPhases.Run(app, folder, registry, database, () => ChildEnvironment(database));
                var report = Directory.GetFiles(reports, "*-scan_ftp-nl.csv") is [var existing] ? existing : WriteReport(reports, registry, rows, matchedShare);
                database.CopyRegistry();
                var environment = ChildEnvironment(database); // PostgreSQL: now the copy's connection string
                Print($"Load average before ingest: {LoadAverage()}");
                var ingest = ChildRun.Start(app, ["ingest", report, "--source", "bench", "--json"], environment);
                Check(ingest, "ingest");
                var ingested = Summarise(ingest, report);
                phases.Compare(ingest);
                Print($"Load average after ingest: {LoadAverage()}");
                var (later, laterRows) = args.Contains("--notified") ? Notified(app, database, environment, reports, registry, rows, matchedShare) : (null, 0);
                runs.Add(new ProviderRun(database.Label, phases.FirstImport, ingest, ingested, later, laterRows));
            }

            Print($"Machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}; CPU and peak RSS are the CLI process's (PostgreSQL's server processes not included)");
            foreach (var line in ProviderTable.Lines(runs))
            {
                Console.WriteLine(line);
            }

            return 0;
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Marks every case of the first ingest notified two days ago, then times a later report of the same kind.</summary>
    private static (ChildRun Later, int Rows) Notified(string app, BenchDatabase database, Dictionary<string, string> environment, string reports, IndexedAsset[] registry, int rows, double matchedShare)
    {
        Print($"Marked {database.MarkNotified()} cases notified two days ago ({database.Label})");
        var folder = Directory.CreateDirectory(Path.Combine(reports, "later")).FullName;
        var later = Directory.GetFiles(folder, "*-scan_ftp-nl.csv") is [var existing] ? existing : Path.Combine(folder, FtpScanReportWriter.FileName(DateTimeOffset.UtcNow));
        if (!File.Exists(later))
        {
            var matched = FtpScanReportWriter.Write(later, registry, AssetIndex.Build(registry), rows, matchedShare, DateTimeOffset.UtcNow.AddDays(-1), seed: 20261206);
            Print($"Wrote {later}: {rows:N0} rows, {matched:N0} inside a registered range");
        }

        Print($"Load average before the later ingest: {LoadAverage()}");
        var ingest = ChildRun.Start(app, ["ingest", later, "--source", "bench", "--json"], environment);
        Check(ingest, "later ingest");
        var ingested = Summarise(ingest, later);
        using var json = JsonDocument.Parse(ingest.Output);
        Print($"remediation: {json.RootElement.GetProperty("remediation")}");
        Print($"Load average after the later ingest: {LoadAverage()}");
        return (ingest, ingested);
    }

    private static Dictionary<string, string> ChildEnvironment(BenchDatabase database) => new(database.Environment)
    {
        ["Sources__bench__Trusted"] = "true",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    private static IndexedAsset[] Registry(double scale)
    {
        var defaults = new RandomRegistryOptions();
        return RandomRegistry.Generate(defaults with
        {
            Companies = (int)(defaults.Companies * scale),
            IPv4Ranges = (int)(defaults.IPv4Ranges * scale),
            IPv6Ranges = (int)(defaults.IPv6Ranges * scale),
            Domains = (int)(defaults.Domains * scale),
        });
    }

    private static string WriteReport(string folder, IndexedAsset[] registry, int rows, double matchedShare)
    {
        var report = Path.Combine(folder, FtpScanReportWriter.FileName(DateTimeOffset.UtcNow));
        var matched = FtpScanReportWriter.Write(report, registry, AssetIndex.Build(registry), rows, matchedShare, DateTimeOffset.UtcNow.AddDays(-1));
        Print($"Wrote {report}: {rows:N0} rows, {matched:N0} = {matched * 100.0 / rows:F1}% inside a registered range, {Megabytes(report)} MB");
        return report;
    }

    private static int Summarise(ChildRun ingest, string report)
    {
        using var json = JsonDocument.Parse(ingest.Output);
        var root = json.RootElement;
        var rows = root.GetProperty("rows").GetInt32();
        var cases = root.GetProperty("cases");
        Print($"ingest: {ingest.Summary}");
        Print($"ingest: {rows:N0} rows ({Megabytes(report)} MB) = {rows / ingest.Wall.TotalSeconds:N0} rows/s wall clock; {root.GetProperty("matched").GetInt32():N0} matched, {root.GetProperty("unmatched").GetInt32():N0} unmatched, {root.GetProperty("rejectedCount").GetInt32():N0} rejected; cases {cases.GetProperty("created").GetInt32():N0} created, {cases.GetProperty("updated").GetInt32():N0} updated, {cases.GetProperty("suppressed").GetInt32():N0} suppressed");
        Print($"target ≤ 20 s: {(ingest.Wall.TotalSeconds <= 20 ? "met" : "NOT met")}");
        return rows;
    }

    private static void Check(ChildRun run, string what)
    {
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited with {run.ExitCode}: {run.Error}");
        }
    }

    internal static string DefaultApp()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "DtcNotify", "bin", "Release", "net10.0", "dtcnotify.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no Release build of src/DtcNotify found; run `dotnet build -c Release src/DtcNotify` or pass --app");
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static double Number(string[] args, string name, double fallback) =>
        Option(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string Megabytes(string path) => (new FileInfo(path).Length / 1e6).ToString("F0", CultureInfo.InvariantCulture);

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
