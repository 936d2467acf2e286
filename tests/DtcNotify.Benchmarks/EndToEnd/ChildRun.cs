using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DtcNotify.Benchmarks.EndToEnd;

/// <summary>One run of the app's CLI as a child process: wall clock, CPU and peak resident memory (from <c>/usr/bin/time -v</c> when present).</summary>
public sealed partial record ChildRun(int ExitCode, string Output, string Error, TimeSpan Wall, double UserSeconds, double SystemSeconds, long PeakKilobytes)
{
    private const string GnuTime = "/usr/bin/time";

    public static ChildRun Start(string app, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var timed = File.Exists(GnuTime);
        var info = new ProcessStartInfo(timed ? GnuTime : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (timed)
        {
            info.ArgumentList.Add("-v");
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(app);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = stopwatch.Elapsed;
        var errorText = error.GetAwaiter().GetResult();
        return new ChildRun(process.ExitCode, output.GetAwaiter().GetResult(), errorText, wall,
            Field(errorText, UserTime()), Field(errorText, SystemTime()), (long)Field(errorText, PeakMemory()));
    }

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Wall.TotalSeconds:F2} s wall clock, {UserSeconds + SystemSeconds:F2} CPU-s ({UserSeconds:F2} user, {SystemSeconds:F2} system), peak RSS {PeakKilobytes / 1024.0:F0} MB");

    private static double Field(string text, Regex pattern) =>
        pattern.Match(text) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"User time \(seconds\): ([0-9.]+)")]
    private static partial Regex UserTime();

    [GeneratedRegex(@"System time \(seconds\): ([0-9.]+)")]
    private static partial Regex SystemTime();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): ([0-9]+)")]
    private static partial Regex PeakMemory();
}
