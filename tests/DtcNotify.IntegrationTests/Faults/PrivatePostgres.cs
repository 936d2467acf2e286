using System.Diagnostics;
using DtcNotify.EndToEnd.Infrastructure;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// A PostgreSQL cluster of one test, started with <c>.ci/start-postgres</c> on its own port and folder, so the test can
/// stop and start it; the shared server of the other tests is never touched. Null when PostgreSQL is not installed.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly int _port;

    private PrivatePostgres(string bin, string root, int port, string admin)
    {
        _bin = bin;
        _root = root;
        _port = port;
        Admin = admin;
    }

    public string Admin { get; }

    public static async Task<PrivatePostgres?> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().LastOrDefault() : null;
        if (bin is null)
        {
            return null;
        }

        var port = Loopback.FreePort();
        var root = Path.Combine(Path.GetTempPath(), $"dtcnotify-fault-pg-{port}");
        var script = new ProcessStartInfo("bash") { Environment = { ["DTCNOTIFY_PG_PORT"] = $"{port}", ["DTCNOTIFY_PG_DIR"] = root } };
        script.ArgumentList.Add(Path.Combine(SuitePaths.RepositoryRoot, ".ci", "start-postgres"));
        await RunAsync(script);
        return new PrivatePostgres(Path.Combine(bin, "bin"), root, port, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
    }

    public Task StopAsync() => PgCtlAsync("stop", "-m", "fast");

    public Task StartAgainAsync() =>
        PgCtlAsync("start", "-l", Path.Combine(_root, "log"), "-o",
            $"-c listen_addresses=127.0.0.1 -p {_port} -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");

    public async ValueTask DisposeAsync()
    {
        await PgCtlAsync("stop", "-m", "immediate");
        Directory.Delete(_root, recursive: true);
    }

    private Task PgCtlAsync(params string[] arguments)
    {
        // As .ci/start-postgres does: the server refuses to run as root.
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : Path.Combine(_bin, "pg_ctl"));
        if (root)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(Path.Combine(_bin, "pg_ctl"));
        }

        foreach (var argument in new[] { "-D", Path.Combine(_root, "data"), "-w" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return RunAsync(start);
    }

    private static async Task RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
