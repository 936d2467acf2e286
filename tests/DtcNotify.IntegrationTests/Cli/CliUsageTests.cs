using DtcNotify.IntegrationTests.Infrastructure;

namespace DtcNotify.IntegrationTests.Cli;

/// <summary>Help, unknown verbs and bad configuration: a usage text or one line per bad key and an exit code, never a stack trace or a started service.</summary>
public sealed class CliUsageTests
{
    // A run that starts the service instead of answering would never end: bounded, so such a failure shows as a failure.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("serve", "--help")]
    [InlineData("ingest", "-h")]
    public async Task Help_prints_the_usage_and_exits_0_without_starting_anything(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var run = await CliDriver.RunAsync(database, args).WaitAsync(Bound);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("usage: dtcnotify", run.Out, StringComparison.Ordinal);
        Assert.Contains("dtcnotify ingest FILE --source NAME", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("registry", "export")]
    [InlineData("teams")]
    public async Task An_unknown_verb_prints_the_usage_and_exits_2_before_any_configuration_is_read(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        // Invalid configuration too: the verb is refused first, so the answer is the usage and not a configuration error.
        Dictionary<string, string?> settings = new() { ["Triage:CooldownDays"] = "-1" };

        var run = await CliDriver.RunAsync(database, settings, args).WaitAsync(Bound);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"unknown command '{string.Join(' ', args)}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: dtcnotify", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Triage:CooldownDays", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("cases")]
    public async Task Invalid_configuration_prints_one_line_per_failed_key_and_exits_2(string verb)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        Dictionary<string, string?> settings = new() { ["Triage:CooldownDays"] = "-1", ["Digest:Cron"] = "every morning" };

        var run = await CliDriver.RunAsync(database, settings, verb).WaitAsync(Bound);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines, l => l.Contains("Triage:CooldownDays", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("Digest:Cron", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.StartsWith("dtcnotify: configuration: ", l, StringComparison.Ordinal));
        Assert.DoesNotContain(" at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("cases")]
    public async Task A_value_of_the_wrong_type_names_its_key_in_one_line(string verb)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        Dictionary<string, string?> settings = new() { ["Triage:CooldownDays"] = "fourteen" };

        var run = await CliDriver.RunAsync(database, settings, verb).WaitAsync(Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Triage:CooldownDays", line, StringComparison.Ordinal);
        Assert.StartsWith("dtcnotify: configuration: ", line, StringComparison.Ordinal);
    }
}
