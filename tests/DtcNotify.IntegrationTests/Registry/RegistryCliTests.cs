using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Registry;

public class RegistryCliTests
{
    private const string Header = "kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Json_summary_lists_counts_and_rejected_lines_and_exits_0(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var file = new TempFile(Header +
            "11111111,Good,,nee,nee,A,a@good.example,,nl,192.0.2.0/24 good.example\n" +
            "2222222,Bad kvk,,nee,nee,,,,nl,\n" +
            "33333333,Bad range,,nee,nee,,,,nl,300.1.1.1/24\n");

        var run = await CliDriver.RunAsync(database, "registry", "import", file.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal((1, 2, 1), (root.GetProperty("companies").GetInt32(), root.GetProperty("assets").GetInt32(), root.GetProperty("contacts").GetInt32()));
        var rejected = root.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([3, 4], rejected.Select(r => r.Item1));
        Assert.Contains("300.1.1.1", rejected[1].Item2);
    }

    [Theory]
    [InlineData("11111111,Good,,nee,nee,,,,nl,\n", "no header")]
    [InlineData("", "no header")]
    public async Task A_headerless_file_exits_2_with_a_message_and_changes_nothing(string content, string message)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        using var file = new TempFile(content);

        var run = await CliDriver.RunAsync(database, "registry", "import", file.Path, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Contains(file.Path, run.Error);
        Assert.Equal("", run.Out);
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Companies.CountAsync());
    }

    [Fact]
    public async Task An_unreadable_file_exits_2_naming_the_file()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var run = await CliDriver.RunAsync(database, "registry", "import", "/nonexistent/registry.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/registry.csv", run.Error);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("registry")]
    [InlineData("registry", "import")]
    [InlineData("registry", "import", "x.csv", "--jsn")]
    public async Task Bad_usage_exits_2(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var run = await CliDriver.RunAsync(database, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("dtcnotify:", run.Error);
    }

    [Fact]
    public async Task Migrate_creates_the_schema()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var run = await CliDriver.RunAsync(database, "migrate");

        Assert.Equal(0, run.ExitCode);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
