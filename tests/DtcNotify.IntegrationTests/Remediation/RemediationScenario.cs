using System.Globalization;
using System.Text;
using System.Text.Json;
using DtcNotify.Cli;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.Feeds;
using DtcNotify.Intake;
using DtcNotify.IntegrationTests.Delivery;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Remediation;

/// <summary>
/// Report sequences on the fake clock of <see cref="DeliveryScenario"/>: a registry of two companies, Shadowserver
/// <c>scan_ftp</c> reports written per day and ingested by the real ingest, approvals as the card writes them (case and
/// outbox row in one transaction) and the real dispatcher to the pickup folder.
/// </summary>
internal sealed class RemediationScenario : IAsyncDisposable
{
    public const string AlphaKvk = "11111111";
    public const string BetaKvk = "22222222";

    private const string Registry = """
        kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets
        11111111,Alpha B.V.,IT,nee,nee,Ann,ann@alpha.example,020 555 0101,nl,192.0.2.0/25
        22222222,Beta Ltd,Bouw,nee,nee,Bob,bob@beta.example,020 555 0202,en,192.0.2.128/25
        """;

    private const string ScanFtpHeader = "\"timestamp\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\",\"asn\",\"geo\",\"region\",\"city\",\"naics\",\"sic\",\"banner\",\"handshake\",\"cipher_suite\"";

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sources:lds:Trusted"] = "true", ["Sources:lds:Kind"] = "Periodic",
        ["Sources:other:Trusted"] = "true", ["Sources:other:Kind"] = "Periodic",
    };

    private RemediationScenario(DeliveryScenario delivery) => Delivery = delivery;

    public DeliveryScenario Delivery { get; }

    public static async Task<RemediationScenario> StartAsync(string provider, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var scenario = new RemediationScenario(await DeliveryScenario.StartAsync(provider, all));
        using var registry = new TempFile(Registry.Replace("\r", "", StringComparison.Ordinal) + "\n");
        var run = await CliDriver.RunAsync(scenario.Delivery.Database, "registry", "import", registry.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        return scenario;
    }

    public DateTimeOffset Now => Delivery.Clock.GetUtcNow();

    public void Advance(TimeSpan by) => Delivery.Clock.Advance(by);

    /// <summary>A <c>scan_ftp</c> report named for today listing <paramref name="addresses"/>, seen an hour before now (or at <paramref name="seen"/>), ingested as the service does.</summary>
    public Task<IngestResult> ScanFtpAsync(params string[] addresses) => ScanFtpAsync(Now.AddHours(-1), addresses);

    public Task<IngestResult> ScanFtpAsync(DateTimeOffset seen, params string[] addresses) =>
        IngestAsync($"{Now:yyyy-MM-dd}-scan_ftp-nl.csv", Rows(seen, addresses), "lds", null);

    /// <summary>A report of another kind (an incident CSV given <c>--report</c>) from the same source, listing the addresses as open FTP.</summary>
    public Task<IngestResult> OtherReportAsync(string report, params string[] addresses) =>
        IngestAsync("other.csv", "ip,port,timestamp,identifier\n" + string.Concat(addresses.Select(ip =>
            string.Create(CultureInfo.InvariantCulture, $"{ip},21,{Now.AddHours(-1):yyyy-MM-dd HH:mm:ss},open-ftp\n"))), "lds", report, FeedFormat.Csv);

    public Task<IngestResult> IngestAsync(string fileName, string content, string source, string? report, FeedFormat? format = null) =>
        IngestAsync(Delivery.Host.Services, fileName, content, source, report, format);

    /// <summary>Ingests <paramref name="content"/> as a file named <paramref name="fileName"/> through the app's own ingest service.</summary>
    public static async Task<IngestResult> IngestAsync(IServiceProvider app, string fileName, string content, string source, string? report = null, FeedFormat? format = null)
    {
        using var file = new TempFile(content, fileName);
        await using var scope = app.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestService>().IngestAsync(
            new IngestRequest(file.Path, fileName, source) { ReportType = report, Format = format }, CancellationToken.None);
    }

    /// <summary>Approves the case by <paramref name="channel"/> as the card action does, then lets the dispatcher deliver it.</summary>
    public async Task NotifyAsync(string kvk, string channel = CaseChannel.Email)
    {
        await ApproveAsync(kvk, channel);
        await Delivery.Dispatcher.RunOnceAsync(CancellationToken.None);
    }

    public async Task ApproveAsync(string kvk, string channel = CaseChannel.Email)
    {
        await using var db = Delivery.Database.CreateContext();
        var company = await db.Companies.Include(c => c.Contacts).SingleAsync(c => c.Kvk == kvk);
        var threatCase = await db.Cases.SingleAsync(c => c.CompanyId == company.Id && c.Status != CaseStatus.Suppressed);
        if (threatCase.Status == CaseStatus.New)
        {
            threatCase.MarkProposed("19:channel@thread.tacv2;messageid=1", "1", null, Now);
        }

        threatCase.Approve(channel, new CaseActor(DeliveryScenario.AnalystId, "Anna Analyst"), Now);
        var contact = company.Contacts.Single();
        db.Notifications.Add(new Notification
        {
            CaseId = threatCase.Id, CompanyId = company.Id, Channel = channel,
            Recipient = channel == CaseChannel.Phone ? contact.Phone! : contact.Email!, RecipientName = contact.Name, Language = company.Language,
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"case:{threatCase.Id}:approval:{threatCase.Version}"),
            RequestedById = DeliveryScenario.AnalystId, RequestedByName = "Anna Analyst", CreatedAt = Now,
        });
        await db.SaveChangesAsync();
    }

    public async Task<ThreatCase> CaseAsync(string kvk)
    {
        await using var db = Delivery.Database.CreateContext();
        var company = await db.Companies.SingleAsync(c => c.Kvk == kvk);
        return await db.Cases.AsNoTracking().SingleAsync(c => c.CompanyId == company.Id);
    }

    /// <summary><c>cases --json</c> by the real CLI, keyed by KvK.</summary>
    public async Task<Dictionary<string, JsonElement>> CasesJsonAsync()
    {
        var run = await CliDriver.RunAsync(Delivery.Database, Settings, "cases", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("kvk").GetString()!, c => c.Clone());
    }

    /// <summary>The notifications pending in the outbox (a follow-up is never among them before an analyst approved it).</summary>
    public async Task<int> PendingNotificationsAsync()
    {
        await using var db = Delivery.Database.CreateContext();
        return await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Pending);
    }

    /// <summary>A Shadowserver <c>scan_ftp</c> report (its real header) listing <paramref name="addresses"/> seen at <paramref name="seen"/>.</summary>
    public static string Rows(DateTimeOffset seen, IEnumerable<string> addresses)
    {
        var text = new StringBuilder(ScanFtpHeader).Append('\n');
        var time = seen.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        // One address outside the registry in every report, so even a report without our companies has a time.
        foreach (var ip in addresses.Append("10.1.1.1"))
        {
            text.Append(CultureInfo.InvariantCulture, $"\"{time}\",\"{ip}\",\"tcp\",21,\"\",\"ftp\",64496,\"NL\",\"NOORD-HOLLAND\",\"AMSTERDAM\",517311,0,\"220 FTP Server ready.|\",\"\",\"\"\n");
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Delivery.DisposeAsync();
    }
}
