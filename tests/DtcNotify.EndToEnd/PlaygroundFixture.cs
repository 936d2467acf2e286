using DtcNotify.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DtcNotify.EndToEnd;

/// <summary>
/// One app, one Playground and one Chromium for the test class, started on first use (so skipped tests start nothing)
/// and killed, process trees included, on dispose. Each flow gets a fresh browser context.
/// </summary>
public sealed partial class PlaygroundFixture : IAsyncLifetime
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

    internal string BotName => playground!.BotName;

    internal string TeamName => playground!.TeamName;

    /// <summary>The app's pickup folder (Development: <c>Mail:PickupDirectory</c> = <c>data/outbox</c> in its working folder).</summary>
    internal string MailPickupDirectory => Path.Combine(workRoot!, "app", "data", "outbox");

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
}
