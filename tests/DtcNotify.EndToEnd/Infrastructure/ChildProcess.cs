using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace DtcNotify.EndToEnd.Infrastructure;

/// <summary>A program the suite starts: its output is kept for failure reports and its whole tree dies on dispose.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static ChildProcess Start(string name, ProcessStartInfo startInfo)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = new Process { StartInfo = startInfo };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, line) => child.Append("out", line.Data);
        process.ErrorDataReceived += (_, line) => child.Append("err", line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a line matching <paramref name="pattern"/>; fails early, with the output, if the program exits.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var match = pattern.Match(Output);
            if (match.Success)
            {
                return match;
            }

            if (HasExited || deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException(
                    $"{Name} {(HasExited ? $"exited ({process.ExitCode})" : $"did not print /{pattern}/ within {timeout}")}:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Never started or would not die: the report still gets its output, and the runner's own cleanup follows.
        }

        process.Dispose();
    }

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append($"[{clock.Elapsed.TotalSeconds,7:0.000}s {stream}] ").AppendLine(line);
        }
    }
}
