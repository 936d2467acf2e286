using System.Globalization;
using System.Text.Json;
using DtcNotify.TestHarness;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Feeds.Tests.Conformance;

/// <summary>
/// Every sample Shadowserver report must give what IntelMQ's own tests expect (the *.expected.json next to it):
/// the same classification, source, protocol and time for the asserted rows, and a rejection for any asserted row
/// IntelMQ does not turn into an event.
/// </summary>
public sealed class ShadowserverConformanceTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        if (SharedFeeds.Root is not null)
        {
            foreach (var file in Directory.GetFiles(SharedFeeds.Path("shadowserver"), "*.expected.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }
        else
        {
            data.Add("(shared feeds absent)");
        }

        return data;
    }

    [SharedFeedTheory]
    [MemberData(nameof(Samples))]
    public void Sample_report_gives_the_events_IntelMQ_expects(string expectedFile)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedFeeds.Path("shadowserver", expectedFile)));
        var root = expected.RootElement;
        var csv = File.ReadAllBytes(SharedFeeds.Path("shadowserver", root.GetProperty("csv_file").GetString()!));
        var fileName = root.GetProperty("input_report").GetProperty("extra.file_name").GetString()!;

        // The two newest samples are checked by IntelMQ against its small test schema; load it the way an operator loads a newer schema.
        var usesTestSchema = root.GetProperty("derived_from").GetProperty("parser_mode").GetString()!.Contains("schema.json.test", StringComparison.Ordinal);
        ShadowserverSchema? schema = null;
        if (usesTestSchema)
        {
            using var schemaStream = File.OpenRead(SharedFeeds.Path("shadowserver", "schema.json.test"));
            schema = ShadowserverSchema.Load(schemaStream);
        }

        var items = Feeds.Read(csv, new FeedReadRequest(fileName), schema);
        var current = CurrentClassification(root, csv, fileName);

        Assert.Equal(root.GetProperty("csv_data_rows").GetInt32(), items.Count);
        var byRow = root.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("csv_data_row").GetInt32(), e => e.GetProperty("fields"));
        var asserted = root.GetProperty("events_asserted_by_test").GetInt32();
        for (var row = 1; row <= Math.Min(asserted, items.Count); row++)
        {
            if (byRow.TryGetValue(row, out var fields))
            {
                var observation = Assert.IsType<ObservationItem>(items[row - 1]).Observation;
                AssertMatches(fields, observation, $"{expectedFile} row {row}", current?[row - 1]);
            }
            else if (row <= byRow.Keys.DefaultIfEmpty(0).Max())
            {
                Assert.IsType<RejectedItem>(items[row - 1]); // IntelMQ produced no event for it
            }
        }
    }

    [SharedFeedTheory]
    [MemberData(nameof(Samples))]
    public void Every_event_IntelMQ_asserts_for_the_sample_matches_its_row(string expectedFile)
    {
        // shadowserver-expected-events.jsonl holds all asserted events (the .expected.json files show at most three);
        // each event's raw field is the header plus its data line, which identifies the row.
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedFeeds.Path("shadowserver", expectedFile)));
        var root = expected.RootElement;
        var feedName = root.GetProperty("input_report").GetProperty("feed.name").GetString();
        var csvPath = SharedFeeds.Path("shadowserver", root.GetProperty("csv_file").GetString()!);
        var dataLines = File.ReadAllLines(csvPath).Skip(1).ToList();
        ShadowserverSchema? schema = null;
        if (root.GetProperty("derived_from").GetProperty("parser_mode").GetString()!.Contains("schema.json.test", StringComparison.Ordinal))
        {
            using var schemaStream = File.OpenRead(SharedFeeds.Path("shadowserver", "schema.json.test"));
            schema = ShadowserverSchema.Load(schemaStream);
        }

        var fileName = root.GetProperty("input_report").GetProperty("extra.file_name").GetString()!;
        var items = Feeds.Read(File.ReadAllBytes(csvPath), new FeedReadRequest(fileName), schema);
        var current = CurrentClassification(root, File.ReadAllBytes(csvPath), fileName);

        var events = File.ReadLines(SharedFeeds.Path("intelmq", "shadowserver-expected-events.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("feed.name").GetString() == feedName)
            .ToList();
        Assert.Equal(root.GetProperty("events_asserted_by_test").GetInt32(), events.Count);
        foreach (var e in events)
        {
            var raw = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(e.GetProperty("raw").GetString()!));
            var row = dataLines.IndexOf(raw.Split('\n')[1]);
            Assert.True(row >= 0, $"{expectedFile}: raw line not found in the CSV");
            AssertMatches(e, Assert.IsType<ObservationItem>(items[row]).Observation, $"{expectedFile} row {row + 1}", current?[row]);
        }
    }

    /// <param name="classification">
    /// The classification (and application) Shadowserver's live schema gives the row, which wins over IntelMQ 3.2's hard-coded one: Shadowserver has
    /// reclassified reports since (SSL-POODLE is weak-crypto, scan_http_vulnerable is vulnerable-http, ...).
    /// </param>
    internal static void AssertMatches(JsonElement fields, Observation actual, string where, (string?, string?, string?, string?)? classification = null)
    {
        var (taxonomy, type, identifier, application) = classification
            ?? (Expected(fields, "classification.taxonomy"), Expected(fields, "classification.type"), Expected(fields, "classification.identifier"), Expected(fields, "protocol.application"));
        Assert.True(taxonomy == actual.ClassificationTaxonomy, $"{where}: taxonomy {actual.ClassificationTaxonomy}");
        Assert.True(type == actual.ClassificationType, $"{where}: type {actual.ClassificationType}");
        Assert.True(identifier == actual.ClassificationIdentifier, $"{where}: identifier {actual.ClassificationIdentifier}");
        Assert.True(Expected(fields, "source.ip") == actual.SourceIp, $"{where}: ip {actual.SourceIp}");
        Assert.True(Expected(fields, "source.port") == actual.SourcePort?.ToString(CultureInfo.InvariantCulture), $"{where}: port {actual.SourcePort}");
        Assert.True(Expected(fields, "source.asn") == actual.SourceAsn?.ToString(CultureInfo.InvariantCulture), $"{where}: asn {actual.SourceAsn}");
        Assert.True(Expected(fields, "source.fqdn") == actual.SourceFqdn, $"{where}: fqdn {actual.SourceFqdn}");
        Assert.True(application == actual.ProtocolApplication, $"{where}: application {actual.ProtocolApplication}");
        Assert.True(Expected(fields, "protocol.transport") == actual.ProtocolTransport, $"{where}: transport {actual.ProtocolTransport}");
        var time = Expected(fields, "time.source");
        Assert.True(time is null ? actual.TimeSource is null : DateTimeOffset.Parse(time, CultureInfo.InvariantCulture) == actual.TimeSource, $"{where}: time {actual.TimeSource}");
        Assert.True(actual.TimeSource is null || actual.TimeSource.Value.Offset == TimeSpan.Zero, $"{where}: time not UTC");
    }

    // Samples checked by IntelMQ <= 3.2 predate the published schema: their classification is the one of the live schema today.
    private static List<(string?, string?, string?, string?)?>? CurrentClassification(JsonElement root, byte[] csv, string fileName)
    {
        if (!root.GetProperty("derived_from").GetProperty("parser_mode").GetString()!.StartsWith("schema-less", StringComparison.Ordinal))
        {
            return null;
        }

        return Feeds.Read(csv, new FeedReadRequest(fileName), LiveSchema.Load())
            .Select(i => i is ObservationItem { Observation: var o } ? (o.ClassificationTaxonomy, o.ClassificationType, o.ClassificationIdentifier, o.ProtocolApplication) : ((string?, string?, string?, string?)?)null)
            .ToList();
    }

    private static string? Expected(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;
}
