using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DtcNotify.Delivery.Mail;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using DtcNotify.Teams.Connector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Xunit.Abstractions;
using static DtcNotify.IntegrationTests.Intake.FeedIntakeTestData;

namespace DtcNotify.IntegrationTests.Hosting;

/// <summary>
/// Issue #20.2: two instances of the service on one PostgreSQL database share the feed inbox, the HTTP intake, posting,
/// dispatch and the digest, and nothing happens twice. 500 companies each get one case from five feeds (four dropped in
/// the shared inbox, one uploaded to both instances at once); the cases are approved on both, a tenth of them on both at
/// the same moment; every case ends with one thread, one e-mail on the real SMTP server and its own observations once.
/// </summary>
public sealed partial class TwoInstanceTests(ITestOutputHelper output) : IDisposable
{
    private readonly System.Diagnostics.Stopwatch _stopwatch = System.Diagnostics.Stopwatch.StartNew();

    private const int Companies = 500;
    private const int InboxFiles = 4;
    private const int EventsPerCompany = 2;

    private readonly string _inbox = Path.Combine(Path.GetTempPath(), "dtcnotify-two-inbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_inbox))
        {
            Directory.Delete(_inbox, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Two_instances_on_one_PostgreSQL_database_share_intake_posting_dispatch_and_digest_without_a_duplicate()
    {
        // Arrange: one database, connector and SMTP server; both instances with the inbox, the upload key, SMTP and the digest on.
        await using var smtp = LocalSmtpServer.Start();
        var settings = Settings(
            ("Feeds:InboxDirectory", _inbox),
            ("Mail:Transport", "Smtp"),
            ("Mail:From", "meldingen@dtc.example"),
            ("Mail:Smtp:Host", "127.0.0.1"),
            ("Mail:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)),
            ("Mail:Smtp:UseTls", "false"),
            // A card per case (an import of more than this many gets one batch card), so both posters claim case by case.
            ("Teams:MaxCardsPerImport", "100"),
            ("Digest:Enabled", "true"),
            // Due at midnight every day, so it is always missed when the instances start and both want to post it at once.
            ("Digest:Cron", "0 0 * * *"));
        // Teams allows 60 messages per 30 s in a thread and 1,800 an hour; each instance keeps to that by waiting (2,000
        // posts and updates here would take 8 minutes and more). Not under test here, so the limit is lifted.
        await using var world = await CardsWorld.StartAsync("Postgres", settings, startApp: false, services: services =>
            services.Replace(ServiceDescriptor.Singleton(sp => new ConversationRateLimiter(sp.GetRequiredService<TimeProvider>(), [new RateWindow(TimeSpan.FromSeconds(1), 10_000)]))));
        using var registryCsv = new TempFile(RegistryCsv());
        var registry = await CliDriver.RunAsync(world.Database, "registry", "import", registryCsv.Path);
        Assert.True(registry.ExitCode == 0, registry.Error);
        await using var second = world.AnotherInstance();
        var clients = await Task.WhenAll(Task.Run(() => world.Client), Task.Run(second.CreateClient));
        var seen = DateTimeOffset.UtcNow.AddHours(-2);

        // Act 1: intake. Both watchers poll the same inbox; the same upload goes to both endpoints at the same moment.
        for (var file = 0; file < InboxFiles; file++)
        {
            Drop(_inbox, $"lds/part-{file}.json", Events(file * 100, 100, seen));
        }

        var upload = Events(InboxFiles * 100, Companies - (InboxFiles * 100), seen);
        var uploads = await Task.WhenAll(clients.Select(client => client.SendAsync(Upload(upload))));
        Assert.All(uploads, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var duplicates = await Task.WhenAll(uploads.Select(async response =>
            System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("duplicate", out var duplicate) && duplicate.GetBoolean()));
        Assert.Equal([false, true], duplicates.Order()); // one instance imported it, the other found that import
        await Eventually.Async(() => Processed().Length == InboxFiles, "the four inbox files in processed/", TimeSpan.FromSeconds(60));
        output.WriteLine($"{_stopwatch.Elapsed.TotalSeconds:F1} s: intake done");

        // Act 2: posting, by whichever poster claims each case.
        var proposed = await WaitForCasesAsync(world, Companies, c => c.Status == CaseStatus.Proposed, "500 cases proposed");

        // Act 3: approvals on both instances; every tenth case on both at the same moment, with the same version.
        output.WriteLine($"{_stopwatch.Elapsed.TotalSeconds:F1} s: approving");
        await Parallel.ForEachAsync(proposed.Select((c, i) => (Case: c, Index: i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            var (target, index) = item;
            if (index % 10 == 0)
            {
                var both = await Task.WhenAll(
                    world.InvokeAsync(target, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email, via: clients[0]),
                    world.InvokeAsync(target, "case.approve", CardsWorld.BramAad, channel: CaseChannel.Email, via: clients[1]));
                Assert.Contains(both, answer => answer.Status == 200);
            }
            else
            {
                var (status, _) = await world.InvokeAsync(target, "case.approve", index % 2 == 0 ? CardsWorld.AnnaAad : CardsWorld.BramAad,
                    channel: CaseChannel.Email, via: clients[index % 2]);
                Assert.Equal(200, status);
            }
        });
        output.WriteLine($"{_stopwatch.Elapsed.TotalSeconds:F1} s: approved");
        await WaitForCasesAsync(world, Companies, c => c.Status == CaseStatus.Notified, "500 cases notified");
        await Eventually.Async(() => smtp.Messages.Count >= Companies, "500 e-mails on the SMTP server", TimeSpan.FromSeconds(60));
        output.WriteLine($"{_stopwatch.Elapsed.TotalSeconds:F1} s: e-mails sent");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would arrive within moments; give it the chance to prove it does not

        // Assert: intake. One import per distinct file, each company's observations once, one case per company × threat.
        await using var db = world.Database.CreateContext();
        Assert.Equal(InboxFiles + 1, await db.Imports.CountAsync());
        Assert.Equal(Companies * EventsPerCompany, await db.Observations.CountAsync());
        var cases = await db.Cases.AsNoTracking().Where(c => c.CompanyId != world.CompanyId).ToListAsync();
        Assert.Equal(Companies, cases.Count);
        Assert.Equal(Companies, cases.Select(c => c.CompanyId).Distinct().Count());
        Assert.All(cases, c => Assert.Equal(EventsPerCompany, c.ObservationCount));
        Assert.Equal(Companies * EventsPerCompany, await db.Observations.CountAsync(o => o.CaseId != null));

        // Posting: each case exactly one thread.
        var threads = world.Connector.Calls.Where(FakeBotConnector.IsNewThread).Select(call => References(call.Body)).ToList();
        Assert.All(threads, references => Assert.Single(references));
        var threadsPerCase = threads.SelectMany(r => r).CountBy(r => r).ToDictionary();
        Assert.All(cases, c => Assert.Equal(1, threadsPerCase.GetValueOrDefault(c.Reference!)));
        Assert.Equal(Companies, threads.Count);

        // Dispatch: one notification and one e-mail per case, to its own company's contact.
        Assert.Equal(Companies, await db.Notifications.CountAsync());
        var mails = smtp.Messages.Select(m => MimeMessage.Load(new MemoryStream(m))).ToList();
        Assert.Equal(Companies, mails.Count);
        var mailsPerCase = mails.CountBy(m => m.Headers[ComposedMail.CaseHeader] ?? "").ToDictionary();
        Assert.All(cases, c => Assert.Equal(1, mailsPerCase.GetValueOrDefault(c.Reference!)));

        // Digest: one per day, whichever instance took the lease (none on a Dutch public holiday).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        var expected = DtcNotify.Digest.DigestSchedule.IsHoliday(today) ? 0 : 1;
        Assert.Equal(expected, await db.DigestRuns.CountAsync());
        Assert.Equal(expected, world.Connector.Calls.Count(c => c.Method == "POST" && c.RawPath.EndsWith("thread.tacv2/activities", StringComparison.Ordinal)));
    }

    private async Task<List<ThreatCase>> WaitForCasesAsync(CardsWorld world, int count, Func<ThreatCase, bool> expected, string what)
    {
        var cases = await Eventually.Async(
            async () =>
            {
                await using var db = world.Database.CreateContext();
                return new CaseSnapshot(await db.Cases.AsNoTracking().Where(c => c.CompanyId != world.CompanyId).OrderBy(c => c.Id).ToListAsync());
            },
            snapshot => snapshot.Cases.Count >= count && snapshot.Cases.All(expected),
            what,
            TimeSpan.FromSeconds(400));
        output.WriteLine($"{_stopwatch.Elapsed.TotalSeconds:F1} s: {what}");
        return cases.Cases;
    }

    /// <summary>The cases of the companies of the test; printed as the count per status when a wait times out.</summary>
    private sealed record CaseSnapshot(List<ThreatCase> Cases)
    {
        public override string ToString() => $"{Cases.Count} cases: {string.Join(", ", Cases.CountBy(c => c.Status).Select(p => $"{p.Value} {p.Key}"))}";
    }

    /// <summary>Company i (KvK 3000000i) holds one address: 192.0.2.(i+1) for the first 250, 198.51.100.(i−249) after.</summary>
    private static string Address(int company) => company < 250 ? $"192.0.2.{company + 1}" : $"198.51.100.{company - 249}";

    private static string RegistryCsv()
    {
        var csv = new StringBuilder("kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets\n");
        for (var i = 0; i < Companies; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{30000000 + i},Company {i} B.V.,IT,nee,nee,Contact {i},it@company{i}.example,,nl,{Address(i)}\n");
        }

        return csv.ToString();
    }

    /// <summary>IntelMQ events (as <see cref="IntelMqEvents"/> writes them): <see cref="EventsPerCompany"/> open-ftp sightings of each company's address.</summary>
    private static byte[] Events(int first, int count, DateTimeOffset seen)
    {
        var events = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            for (var e = 0; e < EventsPerCompany; e++)
            {
                var time = seen.AddMinutes(e).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
                events.Add($$"""{"__type": "Event", "time.source": "{{time}}", "source.ip": "{{Address(i)}}", "source.port": 21, "protocol.application": "ftp", "classification.taxonomy": "vulnerable", "classification.type": "vulnerable-system", "classification.identifier": "open-ftp", "feed.name": "test"}""");
            }
        }

        return Encoding.UTF8.GetBytes($"[{string.Join(", ", events)}]");
    }

    private static HttpRequestMessage Upload(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/feeds/lds", UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("X-Api-Key", Key);
        return request;
    }

    private string[] Processed() =>
        Directory.Exists(Path.Combine(_inbox, "processed", "lds")) ? Directory.GetFiles(Path.Combine(_inbox, "processed", "lds"), "*.json").Where(f => !f.EndsWith(".summary.json", StringComparison.Ordinal)).ToArray() : [];

    private static HashSet<string> References(string body) => [.. Reference().Matches(body).Select(m => m.Value)];

    [GeneratedRegex(@"DTC-\d{4}-\d{6}")]
    private static partial Regex Reference();
}
