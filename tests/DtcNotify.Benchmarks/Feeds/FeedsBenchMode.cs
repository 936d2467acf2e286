using System.Diagnostics;
using System.Globalization;
using DtcNotify.Feeds;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Benchmarks.Feeds;

/// <summary>
/// <c>bench-feeds [rows]</c>: writes a synthetic scan report (default 1,000,000 rows, about 340 MB) to a temp folder,
/// parses a 100,000-row copy once to let the JIT finish tiering, then times one pass over the full file on this thread
/// and prints rows/s, MB/s and the process's peak working set. Then the same for a scan_exchange report of as many rows,
/// whose classification the schema derives from each row's tag (per-row classification).
/// </summary>
public static class FeedsBenchMode
{
    private const int WarmUpRows = 100_000;

    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("dtcnotify-bench-feeds-");
        try
        {
            var warmUp = Generate(folder, "warm-up", WarmUpRows);
            var report = Generate(folder, "report", rows);
            var reader = new FeedReader(ShadowserverSchema.LoadDefault());
            var cold = Parse(reader, warmUp);
            Print("cold (first pass, JIT tiering)", cold, warmUp);
            GC.Collect();
            var warm = Parse(reader, report);
            Print("warm", warm, report);
            File.Delete(report);
            var exchange = Generate(folder, "exchange", rows, ScanReportGenerator.ExchangeFileName);
            GC.Collect();
            var perRow = Parse(reader, exchange);
            Print("warm, scan_exchange (per-row classification)", perRow, exchange);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  webshell rows classified exchange-server-webshell: {perRow.Webshells:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB, {Environment.ProcessorCount} cores, {RuntimeInformationText()}"));
            return cold.Rejected + warm.Rejected + perRow.Rejected == 0 && perRow.Webshells > 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
        return new Result(observations, rejected, seconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, webshells);
    }

    private static void Print(string label, Result result, string path)
    {
        var megabytes = new FileInfo(path).Length / 1e6;
        var rows = result.Observations + result.Rejected;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {rows:N0} rows ({result.Rejected:N0} rejected), {megabytes:F1} MB in {result.Seconds:F2} s = {rows / result.Seconds:N0} rows/s, {megabytes / result.Seconds:F1} MB/s wall clock; {result.CpuSeconds:F2} CPU-s (all threads, GC included) = {rows / result.CpuSeconds:N0} rows per CPU-second"));
    }

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    // CPU time is reported next to wall-clock time because the machine is shared: it estimates the work itself.
    private readonly record struct Result(long Observations, long Rejected, double Seconds, double CpuSeconds, long Webshells = 0);
}
