using System.Globalization;
using System.Text.Json;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary>ingest, then cases --json: the right company, the right decision, explained (a registry and feed written here).</summary>
public class IngestPipelineTests
{
    private const string Registry = """
        kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets
        11111111,Alpha B.V.,IT,nee,nee,Ann,ann@alpha.example,020 555 0101,nl,192.0.2.0/24 alpha.example
        22222222,Beta,IT,nee,nee,Bob,bob@beta.example,,en,192.0.2.128/25 2001:db8:b::/48 shop.alpha.example
        33333333,Gamma Waterschap,Water,ja,nee,Cas,cas@gamma.example,,nl,198.51.100.0/24
        44444444,Delta,Zorg,nee,ja,Dirk,dirk@delta.example,,nl,203.0.113.0/28
        55555555,Epsilon,Bouw,nee,nee,,,,nl,203.0.113.16/28
        66666666,Zeta,Handel,nee,nee,Zoe,zoe@zeta.example,,nl,@zeta.example
        77777777,Eta,Handel,nee,nee,Eva,eva@eta.example,,nl,203.0.113.32/28
        """;

    private static readonly KeyValuePair<string, string?>[] Sources =
    [
        new("Sources:lds:Trusted", "true"), new("Sources:lds:Kind", "Periodic"),
        new("Sources:abroad:Trusted", "false"), new("Sources:abroad:Kind", "Periodic"),
        new("Sources:incident:Trusted", "true"), new("Sources:incident:Kind", "Incidental"),
    ];

    private static string Feed(DateTimeOffset now)
    {
        var fresh = now.AddHours(-3).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var old = now.AddDays(-40).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return $"""
            ip,fqdn,email,port,timestamp,identifier,password
            192.0.2.10,,,21,{fresh},open-ftp,hunter2
            192.0.2.11,,,21,{fresh},open-ftp,
            192.0.2.200,,,21,{fresh},open-ftp,
            2001:db8:b::5,,,3389,{fresh},open-rdp,
            ,www.shop.alpha.example,,443,{fresh},compromised-website,
            ,mail.alpha.example,,443,{fresh},compromised-website,
            ,,someone@zeta.example,,{fresh},leaked-credentials,
            198.51.100.7,,,21,{fresh},open-ftp,
            203.0.113.5,,,21,{fresh},open-ftp,
            203.0.113.20,,,21,{fresh},open-ftp,
            203.0.113.40,,,21,{old},open-ftp,
            10.1.1.1,,,21,{fresh},open-ftp,
            not-an-ip,,,21,{fresh},open-ftp,

            """;
    }

    private static async Task<TestDatabase> RegistryAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        using var registry = new TempFile(Registry.Replace("\r", "", StringComparison.Ordinal) + "\n");
        Assert.Equal(0, (await CliDriver.RunAsync(database, "registry", "import", registry.Path)).ExitCode);
        return database;
    }

    private static async Task<JsonElement> JsonAsync(TestDatabase database, params string[] args)
    {
        var run = await CliDriver.RunAsync(database, Sources, args);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> CasesByKvkAndThreat(JsonElement cases) =>
        cases.EnumerateArray().ToDictionary(c => $"{c.GetProperty("kvk").GetString()}/{c.GetProperty("threat").GetString()}");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Matched_rows_land_on_the_right_companies_with_every_suppression_reason(string provider)
    {
        await using var database = await RegistryAsync(provider);
        using var feed = new TempFile(Feed(DateTimeOffset.UtcNow), "incident.csv");

        var summary = await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--json");
        var cases = CasesByKvkAndThreat(await JsonAsync(database, "cases", "--json"));

        Assert.Equal((12, 11, 1, 1), (summary.GetProperty("observations").GetInt32(), summary.GetProperty("matched").GetInt32(),
            summary.GetProperty("unmatched").GetInt32(), summary.GetProperty("rejected").GetArrayLength()));
        Assert.Contains("password", summary.GetProperty("notices")[0].GetString());
        Assert.Equal(2, cases["11111111/open-ftp"].GetProperty("observations").GetInt32()); // aggregated: one case per company × threat
        Assert.Equal("new", cases["11111111/open-ftp"].GetProperty("status").GetString());
        Assert.Equal(1, cases["22222222/open-ftp"].GetProperty("observations").GetInt32()); // nested /25 beats the /24
        Assert.True(cases.ContainsKey("22222222/open-rdp")); // IPv6
        Assert.True(cases.ContainsKey("22222222/compromised-website")); // shop.alpha.example beats alpha.example
        Assert.Equal(1, cases["11111111/compromised-website"].GetProperty("observations").GetInt32());
        Assert.True(cases.ContainsKey("66666666/leaked-credentials")); // @domain
        Assert.Equal("vital", cases["33333333/open-ftp"].GetProperty("suppression").GetString());
        Assert.Equal("do_not_contact", cases["44444444/open-ftp"].GetProperty("suppression").GetString());
        Assert.Equal("no_contact", cases["55555555/open-ftp"].GetProperty("suppression").GetString());
        Assert.Equal("stale", cases["77777777/open-ftp"].GetProperty("suppression").GetString());
        Assert.Equal(10, cases.Count);
        Assert.Contains(cases["33333333/open-ftp"].GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("NCSC", StringComparison.Ordinal));
        Assert.NotEmpty(cases["11111111/open-ftp"].GetProperty("measures").EnumerateArray());

        await using var db = database.CreateContext();
        Assert.Equal(11, await db.Observations.CountAsync());
        var perCase = await db.Observations.GroupBy(o => o.CaseId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var caseCounts = await db.Cases.ToDictionaryAsync(c => c.Id, c => c.ObservationCount);
        Assert.All(perCase, g => Assert.Equal(caseCounts[g.Key!.Value], g.Count)); // every observation is linked to its case
        Assert.DoesNotContain(await db.Observations.Select(o => o.SourceIp).ToListAsync(), ip => ip == "10.1.1.1"); // unmatched: not stored
        Assert.DoesNotContain("hunter2", string.Join(' ', await db.Observations.Select(o => o.Extra ?? "").ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_Shadowserver_host_name_and_report_name_are_kept_as_evidence_but_never_decide_the_company(string provider)
    {
        await using var database = await RegistryAsync(provider);
        var seen = DateTimeOffset.UtcNow.AddHours(-3).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        // The PTR name points at Beta's domain, but the address is Alpha's: the address decides, the name is only shown.
        using var feed = new TempFile($$"""
            "timestamp","ip","protocol","port","hostname","tag","asn","geo","region","city","naics","sic","banner","handshake","cipher_suite"
            "{{seen}}","192.0.2.20","tcp",21,"ftp.beta.example","ftp-anon",64496,"NL","NOORD-HOLLAND","AMSTERDAM",0,0,"220 ProFTPD",,

            """.Replace("\r", "", StringComparison.Ordinal), "2026-12-01-scan_ftp-nl.csv");

        var run = await CliDriver.RunAsync(database, Sources, "ingest", feed.Path, "--source", "lds", "--format", "shadowserver", "--report", "scan_ftp");

        Assert.True(run.ExitCode == 0, run.Error);
        await using var db = database.CreateContext();
        var observation = await db.Observations.SingleAsync();
        Assert.Equal(("ftp.beta.example", "Accessible-FTP"), (observation.SourceReverseDns, observation.FeedName));
        var company = await db.Companies.SingleAsync(c => c.Id == observation.CompanyId);
        Assert.Equal("11111111", company.Kvk);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reingesting_the_same_file_is_refused_as_a_duplicate_and_changes_nothing(string provider)
    {
        await using var database = await RegistryAsync(provider);
        using var feed = new TempFile(Feed(DateTimeOffset.UtcNow), "incident.csv");
        await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--json");
        var before = (await JsonAsync(database, "cases", "--json")).ToString();

        var again = await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--json");

        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(before, (await JsonAsync(database, "cases", "--json")).ToString());
        var forced = await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--force", "--json");
        Assert.Equal((0, 10), (forced.GetProperty("cases").GetProperty("created").GetInt32(), forced.GetProperty("cases").GetProperty("updated").GetInt32()));
        Assert.Equal(4, CasesByKvkAndThreat(await JsonAsync(database, "cases", "--json"))["11111111/open-ftp"].GetProperty("observations").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task New_cases_number_on_from_the_highest_id_ever_given_and_every_observation_links_to_its_own_case(string provider)
    {
        await using var database = await RegistryAsync(provider);
        using var feed = new TempFile(Feed(DateTimeOffset.UtcNow), "incident.csv");
        await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--json");
        long removed;
        await using (var db = database.CreateContext())
        {
            // The newest case goes (as if never kept), and one open case is closed: both need a new case on the next import.
            removed = await db.Cases.MaxAsync(c => c.Id);
            await db.Observations.Where(o => o.CaseId == removed).ExecuteDeleteAsync();
            await db.Cases.Where(c => c.Id == removed).ExecuteDeleteAsync();
            await db.Cases.Where(c => c.Threat == "open-rdp").ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        }

        var again = await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--force", "--json");

        Assert.Equal(2, again.GetProperty("cases").GetProperty("created").GetInt32() + again.GetProperty("cases").GetProperty("suppressed").GetInt32());
        await using var check = database.CreateContext();
        var cases = await check.Cases.ToListAsync();
        var created = cases.Where(c => c.CreatedByImportId == cases.Max(x => x.CreatedByImportId)).ToList();
        Assert.Equal(2, created.Count);
        Assert.All(created, c => Assert.True(c.Id > removed, $"case {c.Id} reuses a number at or below {removed}"));
        Assert.All(cases, c => Assert.Equal(ThreatCase.ReferenceFor(c.CreatedAt.Year, c.Id), c.Reference));
        var observations = await check.Observations.Select(o => new { o.CaseId, o.CompanyId, o.Threat }).ToListAsync();
        var byId = cases.ToDictionary(c => c.Id);
        Assert.All(observations, o => Assert.True(
            o.CaseId is { } id && byId[id].CompanyId == o.CompanyId && byId[id].Threat == o.Threat, $"observation of {o.CompanyId}/{o.Threat} linked to case {o.CaseId}"));
        Assert.All(cases, c => Assert.Equal(c.ObservationCount, observations.Count(o => o.CaseId == c.Id)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_later_import_updates_existing_cases_by_id_and_retriages_only_those_no_analyst_has_seen(string provider)
    {
        await using var database = await RegistryAsync(provider);
        using var feed = new TempFile(Feed(DateTimeOffset.UtcNow), "incident.csv");
        await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--json");
        List<ThreatCase> before;
        await using (var db = database.CreateContext())
        {
            // One case is the analysts' now (proposed): triage no longer decides it; the others are still triage's.
            await db.Cases.Where(c => c.Threat == "open-rdp").ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Proposed));
            before = await db.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        }

        var again = await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--force", "--json");

        Assert.Equal((0, before.Count), (again.GetProperty("cases").GetProperty("created").GetInt32(), again.GetProperty("cases").GetProperty("updated").GetInt32()));
        await using var check = database.CreateContext();
        var after = await check.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(before.Select(c => c.Id), after.Select(c => c.Id));
        foreach (var (old, now) in before.Zip(after))
        {
            Assert.Equal(2 * old.ObservationCount, now.ObservationCount);
            Assert.Equal((old.FirstSeen, old.LastSeen, old.Tlp, old.Reference), (now.FirstSeen, now.LastSeen, now.Tlp, now.Reference));
            Assert.Equal(old.Measures, now.Measures);
            Assert.NotEmpty(now.Explanation); // the import reads the analysts' cases without their JSON and must not write it back empty
            Assert.True(now.UpdatedAt > old.UpdatedAt, $"{now.Reference} was not touched");
            if (old.Status == CaseStatus.Proposed)
            {
                Assert.Equal((CaseStatus.Proposed, old.Version + 1), (now.Status, now.Version)); // counted, not retriaged
            }
            else
            {
                Assert.Equal((old.Status, old.Suppression, old.Version + 2), (now.Status, now.Suppression, now.Version)); // counted and retriaged
                Assert.Equal(old.Explanation.Select(r => r.Criterion), now.Explanation.Select(r => r.Criterion));
            }
        }

        var lastImport = await check.Imports.MaxAsync(i => i.Id);
        var linked = await check.Observations.Where(o => o.ImportId == lastImport).Select(o => new { o.CaseId, o.CompanyId, o.Threat }).ToListAsync();
        Assert.All(linked, o => Assert.Contains(before, c => c.Id == o.CaseId && c.CompanyId == o.CompanyId && c.Threat == o.Threat));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_import_store_writes_a_case_back_only_while_its_version_is_the_one_it_was_read_with(string provider)
    {
        await using var database = await RegistryAsync(provider);
        using var feed = new TempFile(Feed(DateTimeOffset.UtcNow), "incident.csv");
        await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--json");
        string[] columns = [nameof(ThreatCase.ObservationCount), nameof(ThreatCase.Version), nameof(ThreatCase.UpdatedAt)];
        long id;
        int count, version;
        await using (var db = database.CreateContext())
        {
            var read = await db.Cases.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
            (id, count, version) = (read.Id, read.ObservationCount, read.Version);
            var loaded = read.Version;
            // Meanwhile an analyst acts on the case: its version moves on.
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1));
            read.AddObservations(5, null, null, DateTimeOffset.UtcNow);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Data.Import.ImportStore.For(db).UpdateCasesAsync([(read, loaded)], columns, default));
        }

        await using (var db = database.CreateContext())
        {
            var read = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal(count, read.ObservationCount); // the refused write left nothing
            var loaded = read.Version;
            read.AddObservations(5, null, null, DateTimeOffset.UtcNow);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Data.Import.ImportStore.For(db).UpdateCasesAsync([(read, loaded)], columns, default);
            await transaction.CommitAsync();
        }

        await using var check = database.CreateContext();
        var written = await check.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((count + 5, version + 2), (written.ObservationCount, written.Version)); // the analyst's step, then the import's
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_import_store_reads_measures_and_explanation_only_of_the_cases_triage_still_decides(string provider)
    {
        await using var database = await RegistryAsync(provider);
        using var feed = new TempFile(Feed(DateTimeOffset.UtcNow), "incident.csv");
        await JsonAsync(database, "ingest", feed.Path, "--source", "lds", "--json");
        await using var db = database.CreateContext();
        await db.Cases.Where(c => c.Threat == "open-rdp").ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Proposed));
        var stored = await db.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Contains(stored, c => c.Status == CaseStatus.Proposed);
        Assert.Contains(stored, c => c.IsRetriageable);

        var read = (await Data.Import.ImportStore.For(db).ReadCasesToAddToAsync([.. stored.Select(c => c.Id)], default)).OrderBy(c => c.Id).ToList();

        Assert.Equal(stored.Select(c => (c.Id, c.Reference, c.Status, c.Version, c.ObservationCount, c.Remediation)), read.Select(c => (c.Id, c.Reference, c.Status, c.Version, c.ObservationCount, c.Remediation)));
        foreach (var (full, c) in stored.Zip(read))
        {
            Assert.NotEmpty(full.Explanation);
            Assert.NotEmpty(full.Measures);
            Assert.Equal(full.IsRetriageable ? full.Explanation.Select(r => (r.Criterion, r.Passed)) : [], c.Explanation.Select(r => (r.Criterion, r.Passed)));
            Assert.Equal(full.IsRetriageable ? full.Measures : [], c.Measures);
        }
    }

    [Fact]
    public async Task An_untrusted_source_is_recorded_but_its_cases_are_suppressed()
    {
        await using var database = await RegistryAsync("Sqlite");
        using var feed = new TempFile(Feed(DateTimeOffset.UtcNow), "incident.csv");

        await JsonAsync(database, "ingest", feed.Path, "--source", "abroad", "--json");

        var cases = (await JsonAsync(database, "cases", "--json")).EnumerateArray().ToList();
        Assert.Equal(10, cases.Count);
        Assert.All(cases, c => Assert.Equal("untrusted_source", c.GetProperty("suppression").GetString()));
    }

    [Fact]
    public async Task A_threat_notified_within_the_cooldown_is_suppressed_as_duplicate()
    {
        await using var database = await RegistryAsync("Sqlite");
        using var first = new TempFile(Feed(DateTimeOffset.UtcNow), "first.csv");
        await JsonAsync(database, "ingest", first.Path, "--source", "lds", "--json");
        await using (var db = database.CreateContext())
        {
            await db.Cases.Where(c => c.Threat == "open-ftp" && c.Status == CaseStatus.New)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed).SetProperty(c => c.NotifiedAt, DateTimeOffset.UtcNow.AddDays(-5)));
        }

        using var second = new TempFile(Feed(DateTimeOffset.UtcNow.AddMinutes(-1)), "second.csv");
        await JsonAsync(database, "ingest", second.Path, "--source", "lds", "--json");

        var open = (await JsonAsync(database, "cases", "--status", "suppressed", "--json")).EnumerateArray()
            .Where(c => c.GetProperty("kvk").GetString() == "11111111" && c.GetProperty("threat").GetString() == "open-ftp").ToList();
        Assert.Equal("duplicate", Assert.Single(open).GetProperty("suppression").GetString());
    }

    [Fact]
    public async Task Incidental_critical_cases_propose_a_phone_call()
    {
        await using var database = await RegistryAsync("Sqlite");
        var now = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        using var feed = new TempFile($"ip,port,timestamp,cve\n192.0.2.10,443,{now},CVE-2019-19781\n", "citrix.csv");

        await JsonAsync(database, "ingest", feed.Path, "--source", "incident", "--json");

        var c = Assert.Single((await JsonAsync(database, "cases", "--json")).EnumerateArray());
        Assert.Equal(("cve-2019-19781", "critical", "incidental", "phone"),
            (c.GetProperty("threat").GetString(), c.GetProperty("severity").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("channel").GetString()));
    }

    [Theory]
    [InlineData("--source", "nowhere")]
    [InlineData("--format", "xml")]
    public async Task Unknown_source_or_format_exits_2(string option, string value)
    {
        await using var database = await RegistryAsync("Sqlite");
        using var feed = new TempFile(Feed(DateTimeOffset.UtcNow), "incident.csv");
        var args = option == "--source" ? new[] { "ingest", feed.Path, option, value } : ["ingest", feed.Path, "--source", "lds", option, value];

        var run = await CliDriver.RunAsync(database, Sources, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Error);
    }

    [Fact]
    public async Task A_binary_file_exits_2_and_leaves_no_import()
    {
        await using var database = await RegistryAsync("Sqlite");
        using var feed = new TempFile("ip,port\n192.0.2.10,21\n\0\0\0garbage", "incident.csv");

        var run = await CliDriver.RunAsync(database, Sources, "ingest", feed.Path, "--source", "lds", "--format", "csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("incident.csv", run.Error);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Imports.CountAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task Lookup_finds_a_company_by_kvk_name_ip_domain_and_email_and_exits_1_otherwise()
    {
        await using var database = await RegistryAsync("Sqlite");

        foreach (var (query, kvk) in new[] { ("22222222", "22222222"), ("alpha bv", "11111111"), ("192.0.2.129", "22222222"),
                     ("www.shop.alpha.example", "22222222"), ("2001:db8:b::1", "22222222"), ("x@zeta.example", "66666666") })
        {
            var found = await JsonAsync(database, "lookup", query, "--json");
            Assert.Equal(kvk, found.GetProperty("kvk").GetString());
        }

        Assert.Equal(1, (await CliDriver.RunAsync(database, Sources, "lookup", "10.9.9.9")).ExitCode);
        Assert.Equal(1, (await CliDriver.RunAsync(database, Sources, "lookup", "Nobody Inc")).ExitCode);
    }
}
