using System.Globalization;

namespace DtcNotify.Benchmarks.EndToEnd;

/// <summary>What one provider's <c>bench-e2e</c> measured: the registry import (null when reused), the ingest and the later ingest (with <c>--notified</c>).</summary>
internal sealed record ProviderRun(string Label, ChildRun? Import, ChildRun Ingest, int Rows, ChildRun? Later, int LaterRows);

/// <summary>
/// The providers side by side in one Markdown table, with the ratio PostgreSQL / SQLite per row and the issue's goals:
/// the ingest within 2× of SQLite, the registry import at most 1×.
/// </summary>
internal static class ProviderTable
{
    public static IEnumerable<string> Lines(IReadOnlyList<ProviderRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sqlite = runs.FirstOrDefault(r => r.Label == "SQLite");
        var postgres = runs.FirstOrDefault(r => r.Label == "PostgreSQL");
        var compared = sqlite is not null && postgres is not null;
        yield return $"| measure | {string.Join(" | ", runs.Select(r => r.Label))} |{(compared ? " PostgreSQL / SQLite | goal |" : "")}";
        yield return $"|---|{string.Concat(runs.Select(_ => "---|"))}{(compared ? "---|---|" : "")}";
        foreach (var (phase, pick, rows, goal) in Phases())
        {
            if (runs.All(r => pick(r) is null))
            {
                continue;
            }

            foreach (var (measure, value, higherIsBetter) in Measures(rows))
            {
                var cells = runs.Select(r => pick(r) is { } run ? value(run, r) : (double?)null).ToArray();
                var line = $"| {phase} {measure} | {string.Join(" | ", cells.Select(c => Format(c, measure)))} |";
                if (compared)
                {
                    var s = pick(sqlite!) is { } a ? value(a, sqlite!) : (double?)null;
                    var p = pick(postgres!) is { } b ? value(b, postgres!) : (double?)null;
                    // For rows/s the ratio is inverted so that every ratio reads "PostgreSQL takes N× SQLite's".
                    var ratio = s is > 0 && p is > 0 ? (higherIsBetter ? s / p : p / s) : null;
                    var verdict = goal is not null && measure == "wall clock" && ratio is not null ? (ratio <= goal ? $"≤ {goal}×: met" : $"≤ {goal}×: **NOT met**") : "";
                    line += $" {(ratio is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{ratio:F2}×"))} | {verdict} |";
                }

                yield return line;
            }
        }
    }

    private static IEnumerable<(string Phase, Func<ProviderRun, ChildRun?> Pick, Func<ProviderRun, int>? Rows, double? Goal)> Phases()
    {
        yield return ("registry import", r => r.Import, null, 1.0);
        yield return ("ingest", r => r.Ingest, r => r.Rows, 2.0);
        yield return ("later ingest (--notified)", r => r.Later, r => r.LaterRows, 2.0);
    }

    private static IEnumerable<(string Measure, Func<ChildRun, ProviderRun, double> Value, bool HigherIsBetter)> Measures(Func<ProviderRun, int>? rows)
    {
        yield return ("wall clock", (c, _) => c.Wall.TotalSeconds, false);
        yield return ("CPU", (c, _) => c.UserSeconds + c.SystemSeconds, false);
        yield return ("peak RSS", (c, _) => c.PeakKilobytes / 1024.0, false);
        if (rows is not null)
        {
            yield return ("rows/s", (c, r) => rows(r) / c.Wall.TotalSeconds, true);
        }
    }

    private static string Format(double? value, string measure) => value switch
    {
        null => "reused",
        { } v => measure switch
        {
            "wall clock" => string.Create(CultureInfo.InvariantCulture, $"{v:F2} s"),
            "CPU" => string.Create(CultureInfo.InvariantCulture, $"{v:F2} CPU-s"),
            "peak RSS" => string.Create(CultureInfo.InvariantCulture, $"{v:F0} MB"),
            _ => v.ToString("N0", CultureInfo.InvariantCulture),
        },
    };
}
