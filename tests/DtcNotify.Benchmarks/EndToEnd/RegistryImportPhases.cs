using System.Globalization;
using System.Text.Json;
using DtcNotify.Matching;

namespace DtcNotify.Benchmarks.EndToEnd;

/// <summary>
/// The registry phases of <c>bench-e2e</c> (issue #20, point 1), in every run and on the same registry as the ingest:
/// (a) the first import into an empty database, (b) a re-import of the same file (no change), (c) a file with every
/// 100th company changed (name, contact address, one asset). Each is timed as a child process and compared with the
/// ingest of the same run: targets (a) ≤ 1.0 × the ingest with peak RSS ≤ 600 MB, (b) ≤ 0.5 ×, (c) ≤ 0.1 ×.
/// </summary>
internal sealed class RegistryImportPhases
{
    private const int ChangeEvery = 100;
    private const long PeakTargetKilobytes = 600 * 1024;

    private readonly List<(string Name, ChildRun Run, double Target)> _phases = [];

    /// <summary>The first import's run, for the providers' side-by-side table.</summary>
    public ChildRun FirstImport => _phases[0].Run;

    /// <summary>
    /// Runs the three phases on <paramref name="database"/>, emptied first: the first import is kept as the registry the
    /// ingest starts from, the two re-imports run on a copy of it (so both providers ingest against the same registry);
    /// the registry CSVs are written into <paramref name="folder"/> when missing. <paramref name="environment"/> gives the
    /// child CLI's settings for the database as it is now (PostgreSQL: a copy is another database).
    /// </summary>
    public static RegistryImportPhases Run(string app, string folder, IndexedAsset[] registry, BenchDatabase database, Func<Dictionary<string, string>> environment)
    {
        var phases = new RegistryImportPhases();
        var registryCsv = Path.Combine(folder, "registry.csv");
        var changedCsv = Path.Combine(folder, "registry-1pct-changed.csv");
        if (!File.Exists(registryCsv) || !File.Exists(changedCsv))
        {
            var companies = RegistryCsvWriter.Write(registryCsv, registry);
            RegistryCsvWriter.Write(changedCsv, registry, ChangeEvery);
            Print($"Wrote {registryCsv}: {companies:N0} companies, {registry.Length:N0} assets, {Megabytes(registryCsv)} MB (and every {ChangeEvery}th company changed in {Path.GetFileName(changedCsv)})");
        }

        database.Reset();
        phases.Import("first import", app, registryCsv, environment(), 1.0);
        database.SaveRegistry();
        database.CopyRegistry();
        phases.Import("re-import, no change", app, registryCsv, environment(), 0.5);
        phases.Import("re-import, 1 % changed", app, changedCsv, environment(), 0.1);
        return phases;
    }

    /// <summary>Prints each phase's ratio to the ingest's wall clock and whether its target is met.</summary>
    public void Compare(ChildRun ingest)
    {
        foreach (var (name, run, target) in _phases)
        {
            var ratio = run.Wall.TotalSeconds / ingest.Wall.TotalSeconds;
            var memory = target < 1.0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; peak RSS {run.PeakKilobytes / 1024:N0} MB, target ≤ 600 MB: {Met(run.PeakKilobytes <= PeakTargetKilobytes)}");
            Print($"registry {name}: {run.Wall.TotalSeconds:F2} s = {ratio:F2} × the ingest, target ≤ {target:F1}: {Met(ratio <= target)}{memory}");
        }
    }

    private void Import(string name, string app, string csv, Dictionary<string, string> environment, double target)
    {
        var run = ChildRun.Start(app, ["registry", "import", csv, "--json"], environment);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"registry import ({name}) exited with {run.ExitCode}: {run.Error}");
        }

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Print($"registry {name}: {run.Summary}; {root.GetProperty("companies").GetInt32():N0} companies ({root.GetProperty("created").GetInt32():N0} new, {root.GetProperty("updated").GetInt32():N0} updated, {root.GetProperty("unchanged").GetInt32():N0} unchanged), {root.GetProperty("assets").GetInt32():N0} assets, {root.GetProperty("rejected").GetArrayLength():N0} rows rejected; load average {EndToEndBenchMode.LoadAverage()}");
        _phases.Add((name, run, target));
    }

    private static string Met(bool met) => met ? "met" : "NOT met";

    private static string Megabytes(string path) => (new FileInfo(path).Length / 1e6).ToString("F0", CultureInfo.InvariantCulture);

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
