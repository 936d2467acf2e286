using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>
/// The app on a test database with a configured specialists' channel on a fake Bot Connector, a team of two analysts and a
/// company with contacts. Invokes go through the real /api/messages endpoint; card posts and updates through the real client.
/// </summary>
internal sealed class CardsWorld : IAsyncDisposable
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string Team = "19:team0123@thread.tacv2";
    public const string Channel = "19:casechannel0123@thread.tacv2";
    public const string AnnaAad = "aaaaaaaa-0000-0000-0000-000000000001";
    public const string BramAad = "aaaaaaaa-0000-0000-0000-000000000002";
    public const string OutsiderAad = "bbbbbbbb-0000-0000-0000-000000000009";

    private readonly Func<WebApplicationFactory<Program>> _newApp;

    private HttpClient? _client;

    private CardsWorld(TestDatabase database, FakeBotConnector connector, Func<WebApplicationFactory<Program>> newApp, IReadOnlyDictionary<string, string?> settings)
    {
        Database = database;
        Connector = connector;
        _newApp = newApp;
        Settings = settings;
        App = newApp();
    }

    /// <summary>The settings the app runs with besides the database's (also for the app as a child process).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public TestDatabase Database { get; }

    public FakeBotConnector Connector { get; }

    public WebApplicationFactory<Program> App { get; private set; }

    /// <summary>A client of the in-process app; the first use starts it.</summary>
    public HttpClient Client => _client ??= App.CreateClient();

    public long CompanyId { get; private set; }

    /// <param name="configure">Changes to the app's host (a test clock, say); applied again on <see cref="RestartAsync"/>.</param>
    public static async Task<CardsWorld> StartAsync(
        string provider, IDictionary<string, string?>? settings = null, bool withContacts = true, Action<IWebHostBuilder>? configure = null,
        string? connectionSuffix = null, bool startApp = true, string? postgresAdmin = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider, postgresAdmin);
        await database.MigrateAsync();
        var connector = await FakeBotConnector.StartAsync();
        connector.AddMember(new ConnectorMember("29:anna", "Anna Analist", AnnaAad));
        connector.AddMember(new ConnectorMember("29:bram", "Bram Boer", BramAad));
        var all = new Dictionary<string, string?>
        {
            ["Teams:TenantId"] = Tenant,
            ["Teams:TeamId"] = Team,
            ["Teams:ChannelId"] = Channel,
            ["Teams:ServiceUrl"] = connector.ServiceUrl,
        };
        if (connectionSuffix is not null)
        {
            all["ConnectionStrings:DtcNotify"] = database.ConnectionString + connectionSuffix;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var world = new CardsWorld(database, connector, () =>
        {
            var app = new DtcNotifyApp(database, settings: all, services: services);
            return configure is null ? app : app.WithWebHostBuilder(configure);
        }, all);
        if (startApp)
        {
            _ = world.Client;
        }

        await using var db = database.CreateContext();
        var company = new Company
        {
            Kvk = "01234567",
            Name = "Bakkerij [Korst](https://evil.example) B.V.",
            Sector = "Food",
            Contacts = withContacts ? [new Contact { Name = "Piet", Email = "piet@korst.example", Phone = "+31201234567" }] : [],
        };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        world.CompanyId = company.Id;
        return world;
    }

    /// <summary>
    /// Adds new cases in one transaction (as one import does) and returns their ids; <paramref name="claimedFor"/> leaves them
    /// claimed that long by an instance that is gone.
    /// </summary>
    public async Task<IReadOnlyList<long>> AddCasesAsync(int count, long? importId = null, TimeSpan? claimedFor = null)
    {
        await using var db = Database.CreateContext();
        var cases = Enumerable.Range(0, count).Select(i => new ThreatCase
        {
            CompanyId = CompanyId,
            Threat = $"open-ftp-{i}",
            Kind = "periodic",
            Severity = "high",
            Channel = CaseChannel.Email,
            Language = "nl",
            Measures = ["Close port 21"],
            ObservationCount = 3,
            CreatedByImportId = importId,
            PostClaimedUntil = DateTimeOffset.UtcNow + claimedFor,
            PostClaimedBy = claimedFor is null ? null : "gone-instance",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync();
        foreach (var c in cases)
        {
            c.Reference = $"DTC-2026-{c.Id:D6}";
        }

        await db.SaveChangesAsync();
        return [.. cases.Select(c => c.Id)];
    }

    /// <summary>Starts the app (and with it the poster) and waits until the cases are proposed.</summary>
    public Task<IReadOnlyList<ThreatCase>> WaitForProposedAsync(IReadOnlyList<long> ids)
    {
        _ = App.Services; // starts the host
        return WaitForCasesAsync(ids, c => c.Status == CaseStatus.Proposed, "the cases were not posted");
    }

    /// <summary>Waits until every case of <paramref name="ids"/> is as <paramref name="expected"/> says (whoever runs the app).</summary>
    public async Task<IReadOnlyList<ThreatCase>> WaitForCasesAsync(IReadOnlyList<long> ids, Func<ThreatCase, bool> expected, string failure) =>
        await Eventually.Async<IReadOnlyList<ThreatCase>>(
            async () =>
            {
                await using var db = Database.CreateContext();
                return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
            },
            cases => cases.Count == ids.Count && cases.All(expected),
            $"cases {string.Join(", ", ids)} (else: {failure}); statuses",
            TimeSpan.FromSeconds(60));

    /// <summary>Another instance of the app with the same settings, database and connector (not started; the caller disposes it).</summary>
    public WebApplicationFactory<Program> AnotherInstance() => _newApp();

    /// <summary>Stops the app (as a host shutdown does) and starts a new one on the same database and connector.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        App = _newApp();
        _ = Client;
    }

    /// <summary>Stops the app as a host shutdown does (background work is cancelled); the world keeps its database and connector.</summary>
    public async Task StopAsync()
    {
        _client?.Dispose();
        _client = null;
        await App.DisposeAsync();
    }

    public async Task<ThreatCase> CaseAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <param name="via">Another instance's client (<see cref="AnotherInstance"/>); the world's app by default.</param>
    public async Task<(int Status, JsonElement Body)> InvokeAsync(ThreatCase target, string verb, string fromAad, JsonObject? inputs = null, int? version = null, string? channel = null, HttpClient? via = null)
    {
        var data = new JsonObject { ["caseId"] = target.Id, ["version"] = version ?? target.Version };
        if (channel is not null)
        {
            data["channel"] = channel;
        }

        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return await InvokeRawAsync(data, verb, fromAad, target.ActivityId ?? "1", via);
    }

    public async Task<(int Status, JsonElement Body)> InvokeRawAsync(JsonObject data, string verb, string fromAad, string replyToId, HttpClient? via = null)
    {
        var invoke = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = $"f:{Guid.NewGuid():N}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = fromAad == AnnaAad ? "29:anna" : fromAad == BramAad ? "29:bram" : "29:outsider", ["name"] = fromAad == AnnaAad ? "Anna Analist" : fromAad == BramAad ? "Bram Boer" : "Eve", ["aadObjectId"] = fromAad },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "DtcNotify" },
            ["conversation"] = new JsonObject { ["id"] = $"{Channel};messageid={replyToId}", ["conversationType"] = "channel", ["tenantId"] = Tenant },
            ["replyToId"] = replyToId,
            ["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = Team }, ["channel"] = new JsonObject { ["id"] = Channel }, ["tenant"] = new JsonObject { ["id"] = Tenant } },
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() }, ["trigger"] = "manual" },
        };
        var response = await (via ?? Client).PostAsJsonAsync("/api/messages", invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement.Clone();
        return (root.GetProperty("statusCode").GetInt32(), root);
    }

    /// <summary>Sends a chat command in the specialists' channel (@mentioning the bot) and returns the text of the bot's answer card.</summary>
    public async Task<string> CommandAsync(string text, string fromAad)
    {
        var id = $"{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        var message = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = fromAad == AnnaAad ? "29:anna" : "29:outsider", ["name"] = fromAad == AnnaAad ? "Anna Analist" : "Eve", ["aadObjectId"] = fromAad },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "DtcNotify" },
            ["conversation"] = new JsonObject { ["id"] = $"{Channel};messageid={id}", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant },
            ["text"] = $"<at>DtcNotify</at> {text}",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>DtcNotify</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "DtcNotify" } }),
            ["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = Team }, ["channel"] = new JsonObject { ["id"] = Channel }, ["tenant"] = new JsonObject { ["id"] = Tenant } },
        };
        var response = await Client.PostAsJsonAsync("/api/messages", message);
        Assert.True(response.IsSuccessStatusCode, $"the message was answered {(int)response.StatusCode}");
        var reply = await WaitForCallAsync(c => c.Method == "POST" && c.RawPath.EndsWith("/activities/" + id, StringComparison.Ordinal)); // the reply to this message
        using var body = JsonDocument.Parse(reply.Body);
        // Card text is markdown-escaped ("DTC\-2026\-000001"); the assertions are about content, so the escapes are dropped.
        return body.RootElement.GetProperty("attachments")[0].GetProperty("content").GetRawText().Replace("\\\\", "", StringComparison.Ordinal);
    }

    /// <summary>Waits for a connector call matching <paramref name="match"/> (card updates and replies happen after the invoke).</summary>
    public async Task<RecordedConnectorCall> WaitForCallAsync(Func<RecordedConnectorCall, bool> match) =>
        (await Eventually.Async(() => Task.FromResult(Connector.Calls.FirstOrDefault(match)), call => call is not null, "the expected connector call", TimeSpan.FromSeconds(60)))!;

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Database.DisposeAsync();
    }
}
