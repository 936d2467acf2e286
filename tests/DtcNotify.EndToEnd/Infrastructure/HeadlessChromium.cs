using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace DtcNotify.EndToEnd.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), with the flags that keep it off this machine's
/// closed network; every page request to a host other than loopback is aborted (the Playground asks a CDN for fonts).
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>Every request that was aborted for leaving loopback, for the failure report.</summary>
    public ConcurrentQueue<string> Blocked { get; } = new();

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright gives the browser a fresh temporary user-data dir of its own.
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = SuitePaths.Chromium, Args = Flags });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        // Generous: CI shares two cores with every other test assembly; a passing run waits about a second per step.
        context.SetDefaultTimeout(30_000);
        await context.RouteAsync("**/*", async route =>
        {
            if (Loopback.IsLoopbackUrl(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                Blocked.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
