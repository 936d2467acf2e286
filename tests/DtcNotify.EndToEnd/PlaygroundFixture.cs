using System.Diagnostics;
using System.Text;
using DtcNotify.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DtcNotify.EndToEnd;

/// <summary>
/// One app, one Playground and one Chromium for the test class, started on first use (so skipped tests start nothing)
/// and killed, process trees included, on dispose. Each flow gets a fresh browser context.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly object gate = new();
    private Task? started;
    private string? workRoot;
    private AppUnderTest? app;
    private PlaygroundServer? playground;
    private HeadlessChromium? chromium;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        if (playground is not null)
        {
            await playground.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (workRoot is not null)
        {
            try
            {
                Directory.Delete(workRoot, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; the OS cleans /tmp.
            }
        }
    }

    /// <summary>Runs one flow in a fresh browser context; on failure the report gets a screenshot and every log.</summary>
    internal async Task RunFlowAsync(string flowName, ITestOutputHelper output, Func<Flow, Task> body)
    {
        var clock = Stopwatch.StartNew();
        IAsyncDisposable? context = null;
        Flow? flow = null;
        try
        {
            await StartOnceAsync();
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0}s] app {app!.BaseAddress}, Playground {playground!.BaseAddress}");
            var browserContext = await chromium!.NewContextAsync();
            context = browserContext;
            flow = new Flow(flowName, new PlaygroundPage(await browserContext.NewPageAsync()), output, clock);
            await flow.Page.OpenAsync(playground.BaseAddress);
            await flow.StepAsync("opened");
            await body(flow);
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0}s] passed");
        }
        catch
        {
            if (flow is not null)
            {
                await flow.RecordFailureAsync();
            }

            output.WriteLine(Report());
            throw;
        }
        finally
        {
            if (context is not null)
            {
                await context.DisposeAsync();
            }
        }
    }

    internal string BotName => playground!.BotName;

    internal string TeamName => playground!.TeamName;

    private Task StartOnceAsync()
    {
        lock (gate)
        {
            return started ??= StartAsync();
        }
    }

    private async Task StartAsync()
    {
        if (Prerequisites.Missing() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        workRoot = Directory.CreateTempSubdirectory("dtcnotify-e2e-").FullName;
        var appDirectory = Directory.CreateDirectory(Path.Combine(workRoot, "app")).FullName;
        var playgroundDirectory = Directory.CreateDirectory(Path.Combine(workRoot, "playground")).FullName;

        // The browser starts while the app warms up; the Playground needs the app's address, so it comes second.
        var launching = HeadlessChromium.LaunchAsync();
        try
        {
            app = await AppUnderTest.StartAsync(appDirectory, StartTimeout);
            playground = await PlaygroundServer.StartAsync(playgroundDirectory, app.MessagesEndpoint, StartTimeout);
        }
        catch
        {
            try
            {
                chromium = await launching;
            }
            catch (PlaywrightException)
            {
                // The app's or the Playground's failure is the one to report; a started browser is kept for DisposeAsync.
            }

            throw;
        }

        chromium = await launching;
    }

    private string Report()
    {
        var report = new StringBuilder();
        report.AppendLine("===== app output =====").AppendLine(app?.Output ?? "(not started)");
        report.AppendLine("===== Playground output =====").AppendLine(playground?.Output ?? "(not started)");
        if (chromium is { Blocked.IsEmpty: false })
        {
            report.AppendLine("===== requests aborted (not loopback) =====").AppendJoin('\n', chromium.Blocked.Distinct()).AppendLine();
        }

        return report.ToString();
    }
}
