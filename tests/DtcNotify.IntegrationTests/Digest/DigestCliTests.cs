using System.Text.Json;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Bot;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Digest;

/// <summary><c>dtcnotify digest [--json] [--post]</c> through the real CLI.</summary>
public sealed class DigestCliTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite");
        await _database.MigrateAsync();
        await using var db = _database.CreateContext();
        var company = CaseSeed.Company("01234567", "Bakkerij Korst B.V.");
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        await CaseSeed.AddAsync(
            db,
            CaseSeed.Case(company.Id, "open-rdp", CaseStatus.Proposed, at),
            CaseSeed.Case(company.Id, "citrix", CaseStatus.Proposed, at.AddHours(1)),
            CaseSeed.Case(company.Id, "scan-ftp", CaseStatus.Approved, at));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Digest_json_has_the_sections_with_counts_and_the_oldest_cases()
    {
        var run = await CliDriver.RunAsync(_database, "digest", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("awaitingApproval").GetProperty("count").GetInt32());
        var oldest = root.GetProperty("awaitingApproval").GetProperty("oldest")[0];
        Assert.Equal("DTC-2026-000001", oldest.GetProperty("id").GetString());
        Assert.InRange(oldest.GetProperty("ageHours").GetInt32(), 71, 73);
        Assert.Equal(1, root.GetProperty("approvedNotDelivered").GetProperty("count").GetInt32());
        foreach (var key in new[] { "day", "from", "to", "delivered", "callsDueToday", "deliveryFailures", "suppressed", "imports", "topThreats" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public async Task Digest_as_text_names_the_counts()
    {
        var run = await CliDriver.RunAsync(_database, "digest");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("awaiting approval:            2", run.Out, StringComparison.Ordinal);
        Assert.Contains("oldest awaiting: DTC-2026-000001", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_without_a_registered_channel_is_refused_with_exit_code_2()
    {
        var run = await CliDriver.RunAsync(_database, [new("Bot:AllowUnauthenticatedLocal", "true"), new("environment", "Development")], "digest", "--post");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no specialists' channel is registered", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_posts_once_per_day_unless_forced()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        KeyValuePair<string, string?>[] settings =
        [
            new("Bot:AllowUnauthenticatedLocal", "true"), new("environment", "Development"),
            new("Teams:TenantId", "11111111-2222-3333-4444-555555555555"),
            new("Teams:TeamId", "19:team0123@thread.tacv2"),
            new("Teams:ChannelId", "19:casechannel0123@thread.tacv2"),
            new("Teams:ServiceUrl", connector.ServiceUrl),
        ];

        var first = await CliDriver.RunAsync(_database, settings, "digest", "--post");
        var second = await CliDriver.RunAsync(_database, settings, "digest", "--post");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("digest posted", first.Error, StringComparison.Ordinal);
        Assert.Contains("already posted", second.Error, StringComparison.Ordinal);
        var post = Assert.Single(connector.Calls);
        Assert.Equal("POST", post.Method);
        Assert.Contains("Wacht op goedkeuring", post.Body, StringComparison.Ordinal);

        var forced = await CliDriver.RunAsync(_database, settings, "digest", "--post", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(2, connector.Calls.Count);
    }
}
