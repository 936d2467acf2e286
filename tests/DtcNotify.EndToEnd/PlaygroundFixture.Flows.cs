using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace DtcNotify.EndToEnd;

/// <summary>Running a flow, and what a failed flow reports.</summary>
public sealed partial class PlaygroundFixture
{
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

    /// <summary>Ingests the demo feed the app wrote into its working folder on first start (Development), as an operator would.</summary>
    internal Task<string> IngestDemoFeedAsync() =>
        app!.RunCliAsync(TimeSpan.FromSeconds(90), "ingest", Path.Combine("data", "demo", "citrix-cve-2019-19781-demo.csv"), "--source", "demo-incident", "--format", "csv");

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
