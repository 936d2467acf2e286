using System.Diagnostics;
using System.Globalization;
using DtcNotify.Feeds;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Benchmarks.Feeds;

/// <summary>
/// <c>bench-feeds [rows] [--runs N]</c>: writes a synthetic scan report (default 1,000,000 rows, about 340 MB) to a temp
/// folder, parses a 100,000-row copy once to let the JIT finish tiering, then times N passes (default 3) over the full
/// file on this thread, each followed by a pass of Sep alone over the same file (<see cref="SepAlonePass"/>, the physical
/// limit of reading it), and prints rows/s, MB/s, the best and median of both and their ratio, and the process's peak
/// working set. Then the same for a scan_exchange report of as many rows, whose classification the schema derives from
/// each row's tag (per-row classification).
/// </summary>
public static class FeedsBenchMode
{
    private const int WarmUpRows = 100_000;

    /// <summary>Ours ÷ Sep alone, issue #20: at least half the speed of merely reading the CSV.</summary>
    private const double RatioGoal = 0.5;

    public static int Run(string[] args)
    {
        var runsAt = Array.IndexOf(args, "--runs");
        var runs = runsAt >= 0 ? int.Parse(args[runsAt + 1], CultureInfo.InvariantCulture) : 3;
        var positional = args.Where((_, i) => runsAt < 0 || (i != runsAt && i != runsAt + 1)).ToArray();
        var rows = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("dtcnotify-bench-feeds-");
        try
        {
            var warmUp = Generate(folder, "warm-up", WarmUpRows);
            var report = Generate(folder, "report", rows);
            var reader = new FeedReader(ShadowserverSchema.LoadDefault());
            var cold = Parse(reader, warmUp);
            Print("cold (first pass, JIT tiering)", cold, warmUp);
            Print("cold, Sep alone", ReadWithSepAlone(warmUp), warmUp);
            var warm = Compare("warm", reader, report, runs);
            File.Delete(report);
            var exchange = Generate(folder, "exchange", rows, ScanReportGenerator.ExchangeFileName);
            var perRow = Compare("warm, scan_exchange (per-row classification)", reader, exchange, runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  webshell rows classified exchange-server-webshell: {perRow.Webshells:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB, {Environment.ProcessorCount} cores, {RuntimeInformationText()}, load average {EndToEnd.EndToEndBenchMode.LoadAverage()}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));
            return cold.Rejected + warm.Rejected + perRow.Rejected == 0 && perRow.Webshells > 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Times ours and Sep alone in turns, so that both meet the same load; prints the best, medians and ratios.</summary>
    /// <returns>Our best run.</returns>
    private static Result Compare(string label, FeedReader reader, string path, int runs)
    {
        var ours = new List<Result>();
        var sep = new List<Result>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            ours.Add(Parse(reader, path));
            GC.Collect();
            sep.Add(ReadWithSepAlone(path));
        }

        var best = ours.MinBy(r => r.Seconds);
        var bestSep = sep.MinBy(r => r.Seconds);
        if (bestSep.Rows != best.Rows)
        {
            throw new InvalidOperationException($"Sep alone read {bestSep.Rows} rows, the parser {best.Rows}.");
        }

        Print(label, best, path);
        Print("  Sep alone, same file", bestSep, path);
        var ratio = bestSep.Seconds / best.Seconds;
        var medianRatio = Median(sep) / Median(ours);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  best of {runs}: ours {best.Rows / best.Seconds:N0} rows/s, Sep alone {bestSep.Rows / bestSep.Seconds:N0} rows/s; median: ours {best.Rows / Median(ours):N0}, Sep alone {bestSep.Rows / Median(sep):N0} rows/s"));
        // On a shared machine the wall clock mostly measures the others' load; CPU time is the steadier estimate of the work.
        var cpuRatio = sep.Min(r => r.CpuSeconds) / ours.Min(r => r.CpuSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio ours / Sep alone: {ratio:F2} best, {medianRatio:F2} median, {cpuRatio:F2} per CPU-second (least CPU of each); goal >= {RatioGoal:F1}: {(ratio >= RatioGoal ? "met" : "not met")}"));
        return best;
    }

    private static double Median(List<Result> results)
    {
        var seconds = results.Select(r => r.Seconds).Order().ToArray();
        return seconds.Length % 2 == 1 ? seconds[seconds.Length / 2] : (seconds[(seconds.Length / 2) - 1] + seconds[seconds.Length / 2]) / 2;
    }

    private static string Generate(DirectoryInfo folder, string name, int rows, string fileName = ScanReportGenerator.FileName)
    {
        var path = Path.Combine(folder.FullName, name, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var output = File.Create(path);
        ScanReportGenerator.Write(output, rows, exchange: fileName == ScanReportGenerator.ExchangeFileName);
        return path;
    }

    private static Result Parse(FeedReader reader, string path)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        long observations = 0, rejected = 0, webshells = 0;
        using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            foreach (var item in reader.Read(input, new FeedReadRequest(Path.GetFileName(path))))
            {
                if (item is ObservationItem { Observation: var o })
                {
                    observations++;
                    webshells += o.ClassificationIdentifier == "exchange-server-webshell" ? 1 : 0;
                }
                else
                {
                    rejected++;
                }
            }
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Result(observations, rejected, seconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, allocated, webshells);
    }

    private static Result ReadWithSepAlone(string path)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var (rows, chars) = SepAlonePass.Read(path);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        if (chars == 0)
        {
            throw new InvalidOperationException("Sep alone read no text.");
        }

        return new Result(rows, 0, seconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    private static void Print(string label, Result result, string path)
    {
        var megabytes = new FileInfo(path).Length / 1e6;
        var rows = result.Rows;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {rows:N0} rows ({result.Rejected:N0} rejected), {megabytes:F1} MB in {result.Seconds:F2} s = {rows / result.Seconds:N0} rows/s, {megabytes / result.Seconds:F1} MB/s wall clock; {result.CpuSeconds:F2} CPU-s (all threads, GC included) = {rows / result.CpuSeconds:N0} rows per CPU-second; {result.AllocatedBytes / (double)rows:N0} bytes allocated a row"));
    }

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    // CPU time is reported next to wall-clock time because the machine is shared: it estimates the work itself.
    // Allocation is counted on this thread, which does all of the parsing: a figure the machine's load does not change.
    private readonly record struct Result(long Observations, long Rejected, double Seconds, double CpuSeconds, long AllocatedBytes, long Webshells = 0)
    {
        public long Rows => Observations + Rejected;
    }
}
