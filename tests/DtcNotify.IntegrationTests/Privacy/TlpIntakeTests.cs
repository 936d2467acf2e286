using System.Globalization;
using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;

namespace DtcNotify.IntegrationTests.Privacy;

/// <summary>
/// The TLP of every feed format reaches the case (STIX markings, MISP tags, IntelMQ <c>tlp</c> and <c>extra.tlp</c>, an
/// incident CSV column), a feed without one takes <c>Sources:&lt;name&gt;:Tlp</c> (AMBER unless configured), a case takes
/// its strictest observation's, RED is suppressed with <c>tlp_red</c> and AMBER+STRICT never counts a supplier as a contact.
/// </summary>
public sealed class TlpIntakeTests
{
    private const string Registry = """
        kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets,contact_role
        10000001,Stix B.V.,IT,nee,nee,Sam,sam@stix.example,,nl,192.0.2.1,
        10000002,Misp B.V.,IT,nee,nee,Mo,mo@misp.example,,nl,192.0.2.2,own
        10000003,Intel B.V.,IT,nee,nee,Ida,ida@intel.example,,nl,192.0.2.3,
        10000004,Extra B.V.,IT,nee,nee,Eef,eef@extra.example,,nl,192.0.2.4,
        10000005,Rood B.V.,IT,nee,nee,Rik,rik@rood.example,,nl,192.0.2.5,
        10000006,Groen B.V.,IT,nee,nee,Gea,gea@groen.example,,nl,192.0.2.6,
        10000007,Gewoon B.V.,IT,nee,nee,Gijs,gijs@gewoon.example,,nl,192.0.2.7,
        10000008,Uitbesteed B.V.,IT,nee,nee,Lev,helpdesk@leverancier.example,,nl,192.0.2.8,supplier
        """;

    private static readonly KeyValuePair<string, string?>[] Sources =
    [
        new("Sources:lds:Trusted", "true"),
        new("Sources:greenlds:Trusted", "true"), new("Sources:greenlds:Tlp", "GREEN"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_feed_format_gives_its_TLP_and_a_feed_without_one_takes_the_sources(string provider)
    {
        await using var database = await Intake.FeedIntakeTestData.WithRegistryAsync(provider, Registry);

        var now = DateTimeOffset.UtcNow.AddHours(-1);
        var iso = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var unix = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await IngestAsync(database, "bundle.json", "lds", "stix", $$"""
            {"type": "bundle", "id": "bundle--1", "objects": [
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--a", "pattern_type": "stix", "pattern": "[ipv4-addr:value = '192.0.2.1']",
               "indicator_types": ["compromised"], "valid_from": "{{iso}}", "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}]}
            """);
        await IngestAsync(database, "misp.json", "lds", "misp", $$$"""
            {"Event": {"info": "c2", "timestamp": "{{{unix}}}", "Tag": [{"name": "tlp:white"}], "Attribute": [
              {"type": "ip-dst", "category": "Network activity", "value": "192.0.2.2", "timestamp": "{{{unix}}}", "uuid": "a1"}]}}
            """);
        await IngestAsync(database, "events.jsonl", "lds", "intelmq", $$$"""
            {"time.source": "{{{iso}}}", "source.ip": "192.0.2.3", "classification.type": "vulnerable-system", "classification.identifier": "open-rdp", "tlp": "AMBER+STRICT"}
            {"time.source": "{{{iso}}}", "source.ip": "192.0.2.4", "classification.type": "vulnerable-system", "classification.identifier": "open-rdp", "extra": {"tlp": "green"}}
            {"time.source": "{{{iso}}}", "source.ip": "192.0.2.8", "classification.type": "vulnerable-system", "classification.identifier": "open-rdp", "tlp": "amber+strict"}
            """);
        await IngestAsync(database, "red.csv", "lds", "csv", $"""
            ip,timestamp,identifier,tlp
            192.0.2.5,{iso},open-ftp,GREEN
            192.0.2.5,{iso},open-ftp,RED
            """);
        await IngestAsync(database, "green.csv", "greenlds", "csv", $"""
            ip,timestamp,identifier
            192.0.2.6,{iso},open-ftp
            """);
        await IngestAsync(database, "plain.csv", "lds", "csv", $"""
            ip,timestamp,identifier
            192.0.2.7,{iso},open-ftp
            """);

        var run = await CliDriver.RunAsync(database, Sources, "cases", "--json");
        var cases = JsonDocument.Parse(run.Out).RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("kvk").GetString()!, c => (Tlp: c.GetProperty("tlp").GetString(), Status: c.GetProperty("status").GetString(), Suppression: c.GetProperty("suppression").GetString()));

        Assert.Equal(("GREEN", "new", (string?)null), cases["10000001"]); // STIX TLP 2.0 marking
        Assert.Equal(("CLEAR", "new", (string?)null), cases["10000002"]); // MISP tlp:white is CLEAR
        Assert.Equal(("AMBER+STRICT", "new", (string?)null), cases["10000003"]); // IntelMQ tlp; an own contact
        Assert.Equal(("GREEN", "new", (string?)null), cases["10000004"]); // IntelMQ extra.tlp
        Assert.Equal(("RED", "suppressed", "tlp_red"), cases["10000005"]); // CSV column; the strictest observation wins
        Assert.Equal(("GREEN", "new", (string?)null), cases["10000006"]); // Sources:greenlds:Tlp
        Assert.Equal(("AMBER", "new", (string?)null), cases["10000007"]); // the default
        Assert.Equal(("AMBER+STRICT", "suppressed", "no_contact"), cases["10000008"]); // only a supplier's contact
    }

    [Fact]
    public async Task A_source_TLP_that_is_no_level_stops_the_CLI_naming_the_key()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var run = await CliDriver.RunAsync(database, [new("Sources:lds:Tlp", "ORANGE")], "cases");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Sources:lds:Tlp", run.Error, StringComparison.Ordinal);
    }

    private static async Task IngestAsync(TestDatabase database, string name, string source, string format, string content)
    {
        using var feed = new TempFile(content, name);
        var run = await CliDriver.RunAsync(database, Sources, "ingest", feed.Path, "--source", source, "--format", format, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(0, JsonDocument.Parse(run.Out).RootElement.GetProperty("rejected").GetArrayLength());
    }
}
