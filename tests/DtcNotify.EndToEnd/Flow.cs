using System.Diagnostics;
using System.Globalization;
using DtcNotify.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace DtcNotify.EndToEnd;

/// <summary>One user journey: its page, and a screenshot per step in tests/DtcNotify.EndToEnd/screenshots/.</summary>
internal sealed class Flow
{
    private readonly string name;
    private readonly ITestOutputHelper output;
    private readonly Stopwatch clock;
    private int step;

    public Flow(string name, PlaygroundPage page, ITestOutputHelper output, Stopwatch clock)
    {
        this.name = name;
        Page = page;
        this.output = output;
        this.clock = clock;
        Directory.CreateDirectory(SuitePaths.Screenshots);
        foreach (var stale in Directory.EnumerateFiles(SuitePaths.Screenshots, $"{name}-*.png"))
        {
            File.Delete(stale);
        }
    }

    public PlaygroundPage Page { get; }

    public async Task StepAsync(string stepName)
    {
        var path = Path.Combine(
            SuitePaths.Screenshots, string.Create(CultureInfo.InvariantCulture, $"{name}-{++step:00}-{stepName}.png"));
        await Page.Page.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0}s] {stepName}: {path}");
    }

    /// <summary>Best effort: the original failure must stay the one reported.</summary>
    public async Task RecordFailureAsync()
    {
        try
        {
            await StepAsync("failure");
            output.WriteLine("===== Playground log panel =====\n" + await Page.LogPanelTextAsync());
        }
        catch (Exception exception)
        {
            output.WriteLine($"(no failure screenshot or log panel: {exception.Message})");
        }
    }
}
