using System.Diagnostics;
using System.Globalization;
using DtcNotify.Benchmarks.EndToEnd;
using DtcNotify.TestHarness;

namespace DtcNotify.Benchmarks.Invoke;

/// <summary>
/// <c>bench-invoke [--cases 500] [--analysts 50] [--seconds 60] [--app PATH/dtcnotify.dll]</c>: the real app (Release build,
/// a child process) in local mode with the fake Bot Connector and a fresh SQLite file holding proposed cases; simulated
/// analysts click refresh, edit and approve on their own cases while /healthz is polled. Prints invoke latency
/// p50/p95/p99, /healthz p99 idle and under load, errors, and whether every approved case got exactly one notification.
/// </summary>
public static class InvokeBenchMode
{
    public const string Team = "19:benchteam@thread.tacv2";
    private const string Tenant = "11111111-2222-3333-4444-555555555555";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var caseCount = (int)Number(args, "--cases", 500);
        var analystCount = (int)Number(args, "--analysts", 50);
        var duration = TimeSpan.FromSeconds(Number(args, "--seconds", 60));
        var app = Option(args, "--app") ?? EndToEndBenchMode.DefaultApp();
        var folder = Directory.CreateTempSubdirectory("dtcnotify-bench-invoke-").FullName;
        await using var connector = await FakeBotConnector.StartAsync();
        var analysts = Enumerable.Range(0, analystCount).Select(i => $"aaaaaaaa-0000-0000-0000-{i:D12}").ToList();
        foreach (var aad in analysts)
        {
            connector.AddMember(new ConnectorMember("29:" + aad, "Analyst " + aad[^4..], aad));
        }

        var connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        var ids = await InvokeSeed.CreateAsync(connection, caseCount);
        Print($"Invoke benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {EndToEndBenchMode.LoadAverage()}; {caseCount} proposed cases, {analystCount} analysts, {duration.TotalSeconds:F0} s; app {app}");
        using var process = StartApp(app, folder, connection, connector.ServiceUrl, out var baseAddress);
        try
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await WaitHealthyAsync(http, process);
            var idle = await HealthLatenciesAsync(http, TimeSpan.FromSeconds(10), CancellationToken.None);
            using var stop = new CancellationTokenSource(duration);
            var simulated = analysts.Select((aad, i) => new SimulatedAnalyst(http, connector.ServiceUrl, Tenant, aad,
                [.. ids.Where((_, n) => n % analystCount == i)])).ToList();
            process.Refresh();
            var (appCpu, benchCpu) = (process.TotalProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
            var loadHealth = HealthLatenciesAsync(http, duration, stop.Token);
            await Task.WhenAll(simulated.Select(a => Task.Run(() => a.RunAsync(stop.Token))));
            var underLoad = await loadHealth;
            process.Refresh();
            (appCpu, benchCpu) = (process.TotalProcessorTime - appCpu, Process.GetCurrentProcess().TotalProcessorTime - benchCpu);
            Print($"Load average at the end of the load: {EndToEndBenchMode.LoadAverage()}");

            var latencies = simulated.SelectMany(a => a.LatenciesMs).Order().ToList();
            var errors = simulated.SelectMany(a => a.Errors).ToList();
            var approved = simulated.Sum(a => a.Approved);
            var outcome = await WaitForDeliveriesAsync(connection, approved);
            Print($"invokes: {latencies.Count:N0} in {duration.TotalSeconds:F0} s ({latencies.Count / duration.TotalSeconds:F0}/s); latency p50 {P(latencies, 50):F0} ms, p95 {P(latencies, 95):F0} ms, p99 {P(latencies, 99):F0} ms, max {latencies.LastOrDefault():F0} ms");
            Print($"CPU during the load: app {appCpu.TotalSeconds:F1} s ({appCpu.TotalMilliseconds / Math.Max(latencies.Count, 1):F2} ms per invoke), bench (analysts, fake connector, probes) {benchCpu.TotalSeconds:F1} s ({benchCpu.TotalMilliseconds / Math.Max(latencies.Count, 1):F2} ms per invoke)");
            Print($"/healthz p99: idle {P(idle, 99):F1} ms, under load {P(underLoad, 99):F1} ms (ratio {P(underLoad, 99) / Math.Max(P(idle, 99), 0.001):F1}); {underLoad.Count:N0} probes");
            Print($"errors: {errors.Count}{(errors.Count > 0 ? " — first: " + errors[0] : "")}");
            Print($"approved {approved} (database {outcome.Approved}); notifications {outcome.Notifications}, cases with exactly one {outcome.CasesWithOneNotification}, sent {outcome.Sent}");
            Print($"target p99 ≤ 250 ms: {(P(latencies, 99) <= 250 ? "met" : "NOT met")}; zero errors: {(errors.Count == 0 ? "yes" : "NO")}; one notification per approved case: {(outcome.CasesWithOneNotification == outcome.Approved && outcome.Notifications == outcome.Approved ? "yes" : "NO")}");
            return errors.Count == 0 ? 0 : 1;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Process StartApp(string app, string folder, string connection, string serviceUrl, out Uri baseAddress)
    {
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            baseAddress = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}");
        }

        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(app);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/'),
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__DtcNotify"] = connection,
            ["Teams__TenantId"] = Tenant,
            ["Teams__TeamId"] = Team,
            ["Teams__ChannelId"] = InvokeSeed.Channel,
            ["Teams__ServiceUrl"] = serviceUrl,
            ["Digest__Enabled"] = "false",
            ["Mail__PickupDirectory"] = Path.Combine(folder, "outbox"),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) { Console.Error.WriteLine("app: " + text); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process process)
    {
        for (var i = 0; i < 900 && !process.HasExited; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("the app did not become healthy");
    }

    /// <summary>/healthz every 50 ms for <paramref name="duration"/>; the latencies in ms.</summary>
    private static async Task<List<double>> HealthLatenciesAsync(HttpClient http, TimeSpan duration, CancellationToken stop)
    {
        var latencies = new List<double>();
        var until = Stopwatch.StartNew();
        while (until.Elapsed < duration && !stop.IsCancellationRequested)
        {
            var stopwatch = Stopwatch.StartNew();
            using (var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), CancellationToken.None))
            {
                latencies.Add(response.IsSuccessStatusCode ? stopwatch.Elapsed.TotalMilliseconds : double.PositiveInfinity);
            }

            await Task.Delay(50, CancellationToken.None);
        }

        latencies.Sort();
        return latencies;
    }

    /// <summary>The dispatcher sends every 5 s; waits until each approval has been delivered (at most a minute).</summary>
    private static async Task<(int Approved, int CasesWithOneNotification, int Notifications, int Sent)> WaitForDeliveriesAsync(string connection, int approved)
    {
        var outcome = await InvokeSeed.OutcomeAsync(connection);
        for (var i = 0; i < 120 && outcome.Sent < approved; i++)
        {
            await Task.Delay(500);
            outcome = await InvokeSeed.OutcomeAsync(connection);
        }

        return outcome;
    }

    private static double P(List<double> sorted, int percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static double Number(string[] args, string name, double fallback) =>
        Option(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
