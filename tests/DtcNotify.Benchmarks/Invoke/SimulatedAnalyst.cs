using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DtcNotify.Benchmarks.Invoke;

/// <summary>One analyst working through their own cases: refresh, edit, approve by e-mail, next case; every invoke timed.</summary>
internal sealed partial class SimulatedAnalyst(HttpClient http, string serviceUrl, string tenant, string aadObjectId, IReadOnlyList<long> cases)
{
    private static readonly string[] Clicks = ["case.refresh", "case.edit", "case.approve"];

    public List<double> LatenciesMs { get; } = [];

    public List<string> Errors { get; } = [];

    public int Approved { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        foreach (var caseId in cases)
        {
            var version = 0;
            foreach (var verb in Clicks)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                var (ok, body) = await InvokeAsync(caseId, verb, version);
                if (!ok)
                {
                    Errors.Add($"case {caseId} {verb}: {body[..Math.Min(body.Length, 300)]}");
                    break;
                }

                version = Version().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : version;
                Approved += verb == "case.approve" ? 1 : 0;
            }
        }

        // Done with their own cases: keep looking at them until the time is up, as an analyst checks the status line.
        while (!stop.IsCancellationRequested)
        {
            foreach (var caseId in cases)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                if (await InvokeAsync(caseId, "case.refresh", 0) is (false, var body))
                {
                    Errors.Add($"case {caseId} refresh: {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }
    }

    private async Task<(bool Ok, string Body)> InvokeAsync(long caseId, string verb, int version)
    {
        var data = new JsonObject { ["caseId"] = caseId, ["version"] = version };
        if (verb == "case.approve")
        {
            data["channel"] = "email";
        }

        var invoke = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = $"f:{Guid.NewGuid():N}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = "Analyst " + aadObjectId[^4..], ["aadObjectId"] = aadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "DtcNotify" },
            ["conversation"] = new JsonObject { ["id"] = $"{InvokeSeed.Channel};messageid={caseId}", ["conversationType"] = "channel", ["tenantId"] = tenant },
            ["replyToId"] = caseId.ToString(CultureInfo.InvariantCulture),
            ["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = InvokeBenchMode.Team }, ["channel"] = new JsonObject { ["id"] = InvokeSeed.Channel }, ["tenant"] = new JsonObject { ["id"] = tenant } },
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" },
        };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), invoke);
            var body = await response.Content.ReadAsStringAsync();
            LatenciesMs.Add(stopwatch.Elapsed.TotalMilliseconds);
            return (response.IsSuccessStatusCode && body.Contains("\"statusCode\":200", StringComparison.Ordinal), $"{(int)response.StatusCode} {body}");
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.Message);
        }
    }

    // The card's first action carries the case's current version.
    [GeneratedRegex("\"caseId\":\\d+,\"version\":(\\d+)")]
    private static partial Regex Version();
}
