using System.Diagnostics;
using System.Net;

namespace DtcNotify.EndToEnd.Infrastructure;

/// <summary>The built DtcNotify service as its own process: Development (local mode), loopback, a temporary SQLite file.</summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private readonly ChildProcess process;

    private AppUnderTest(ChildProcess process, Uri baseAddress, ProcessStartInfo startInfo)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.startInfo = startInfo;
    }

    private readonly ProcessStartInfo startInfo;

    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public string Output => process.Output;

    /// <param name="settings">Configuration keys (<c>Section:Key</c>) over the defaults below, e.g. another database.</param>
    public static async Task<AppUnderTest> StartAsync(string workingDirectory, TimeSpan timeout, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var dll = SuitePaths.AppDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"{dll} is missing: build the app first (dotnet build src/DtcNotify -c {SuitePaths.Configuration}).");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var startInfo = new ProcessStartInfo(SuitePaths.DotnetHost) { WorkingDirectory = workingDirectory };
        startInfo.ArgumentList.Add(dll);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        // Explicit, so a provider or connection string in the runner's environment (CI's PostgreSQL) cannot leak in.
        startInfo.Environment["Database__Provider"] = "Sqlite";
        startInfo.Environment["ConnectionStrings__DtcNotify"] = $"Data Source={Path.Combine(workingDirectory, "e2e.db")}";
        // Plain console lines, so the failure report reads like a terminal.
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings ?? [])
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppUnderTest(ChildProcess.Start("app", startInfo), baseAddress, startInfo);
        try
        {
            await app.WaitHealthyAsync(timeout);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the app (SIGKILL, the whole process tree): no shutdown, whatever was in flight is simply gone.</summary>
    public ValueTask DisposeAsync() => process.DisposeAsync();

    /// <summary>Runs a CLI verb of the same build on the same database and folder (e.g. <c>ingest data/demo/…</c>); returns its output.</summary>
    public async Task<string> RunCliAsync(TimeSpan timeout, params string[] arguments)
    {
        var cli = new ProcessStartInfo(SuitePaths.DotnetHost) { WorkingDirectory = startInfo.WorkingDirectory };
        cli.ArgumentList.Add(SuitePaths.AppDll);
        foreach (var argument in arguments)
        {
            cli.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Database__Provider", "ConnectionStrings__DtcNotify", "Logging__Console__FormatterName" })
        {
            cli.Environment[name] = startInfo.Environment[name];
        }

        await using var run = ChildProcess.Start("cli", cli);
        var deadline = Stopwatch.StartNew();
        while (!run.HasExited && deadline.Elapsed < timeout)
        {
            await Task.Delay(100);
        }

        return run.HasExited ? run.Output : throw new TimeoutException($"the CLI did not finish within {timeout}:\n{run.Output}");
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException(
            $"The app {(process.HasExited ? "exited" : $"did not answer /healthz with 200 within {timeout}")}:\n{Output}");
    }
}
