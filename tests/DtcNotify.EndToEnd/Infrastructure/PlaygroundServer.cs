using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace DtcNotify.EndToEnd.Infrastructure;

/// <summary>The Microsoft 365 Agents Playground (the offline Teams client) pointed at the app, per the team's recipe.</summary>
internal sealed partial class PlaygroundServer : IAsyncDisposable
{
    private readonly ChildProcess process;
    private readonly string workingDirectory;

    private PlaygroundServer(ChildProcess process, string workingDirectory, Uri baseAddress, MockNames names)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        BaseAddress = baseAddress;
        BotName = names.Bot;
        TeamName = names.Team;
    }

    public Uri BaseAddress { get; }

    /// <summary>The mock bot's display name, which the @mention typeahead offers.</summary>
    public string BotName { get; }

    /// <summary>The mock team's name: its General channel is the tree item "{TeamName} - General".</summary>
    public string TeamName { get; }

    /// <summary>Its console output plus its own log file (activities in and out), for failure reports.</summary>
    public string Output
    {
        get
        {
            var logFile = Path.Combine(workingDirectory, "devTools", "m365agentsplayground.log");
            return File.Exists(logFile) ? $"{process.Output}\n--- {logFile} ---\n{File.ReadAllText(logFile)}" : process.Output;
        }
    }

    public static async Task<PlaygroundServer> StartAsync(string workingDirectory, Uri appEndpoint, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory };
        foreach (var argument in new[]
                 {
                     "--require", SuitePaths.LoopbackPreload, SuitePaths.PlaygroundCli, "--disable-telemetry",
                     "--port", Loopback.FreePort().ToString(CultureInfo.InvariantCulture),
                     "--app-endpoint", appEndpoint.ToString(), "--channel-id", "msteams",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Without these it opens a desktop browser and its telemetry tries cloud metadata addresses.
        startInfo.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        startInfo.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "1";
        startInfo.Environment["NO_PROXY"] = "127.0.0.1,localhost,::1";
        startInfo.Environment["BOT_ENDPOINT"] = appEndpoint.ToString();

        var process = ChildProcess.Start("playground", startInfo);
        try
        {
            // It silently moves to another port when ours was taken meanwhile, so the port is read from its output.
            var listening = await process.WaitForOutputAsync(ListeningOn(), timeout);
            var baseAddress = new Uri($"http://127.0.0.1:{listening.Groups[1].Value}");
            var names = await ReadMockNamesAsync(baseAddress, timeout);
            return new PlaygroundServer(process, workingDirectory, baseAddress, names);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    /// <summary>Waits for /_debug/ping, then reads the mock tenant (built-in defaults: no config file in its folder).</summary>
    private static async Task<MockNames> ReadMockNamesAsync(Uri baseAddress, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout };
        var pong = await http.GetStringAsync(new Uri("/_debug/ping", UriKind.Relative));
        if (pong.Trim() != "pong")
        {
            throw new InvalidOperationException($"/_debug/ping answered '{pong}'.");
        }

        var test = await http.GetFromJsonAsync<TestConfig>(new Uri("/_internal/v1/testConfig", UriKind.Relative));
        var bot = test?.Config?.Bot?.Name;
        var team = test?.Config?.Teams is [var first, ..] ? first.Name : null;
        return bot is null || team is null
            ? throw new InvalidOperationException("/_internal/v1/testConfig has no config.bot.name or config.teams[0].name.")
            : new MockNames(bot, team);
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();

    private sealed record TestConfig([property: JsonPropertyName("config")] MockConfig? Config);

    private sealed record MockConfig(
        [property: JsonPropertyName("bot")] MockNamed? Bot,
        [property: JsonPropertyName("teams")] IReadOnlyList<MockNamed>? Teams);

    private sealed record MockNamed([property: JsonPropertyName("name")] string? Name);

    private sealed record MockNames(string Bot, string Team);
}
