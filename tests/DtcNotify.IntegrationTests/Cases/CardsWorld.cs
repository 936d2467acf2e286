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
/// company with contacts: a <see cref="TestWorld"/> with the connector started and the company seeded. Invokes go through
/// the real /api/messages endpoint; card posts and updates through the real client.
/// </summary>
internal sealed class CardsWorld : IAsyncDisposable
{
    public const string Tenant = TestWorld.Tenant;
    public const string Team = TestWorld.Team;
    public const string Channel = TestWorld.Channel;
    public const string AnnaAad = TestWorld.AnnaAad;
    public const string BramAad = TestWorld.BramAad;
    public const string OutsiderAad = TestWorld.OutsiderAad;

    private CardsWorld(TestWorld world) => World = world;

    /// <summary>The fixture underneath, for what this world does not wrap.</summary>
    public TestWorld World { get; }

    /// <summary>The settings the app runs with besides the database's (also for the app as a child process).</summary>
    public IReadOnlyDictionary<string, string?> Settings => World.Settings;

    public TestDatabase Database => World.Database;

    public FakeBotConnector Connector => World.Connector;

    public WebApplicationFactory<Program> App => World.App;

    /// <summary>A client of the in-process app; the first use starts it.</summary>
    public HttpClient Client => World.Client;

    public long CompanyId { get; private set; }

    /// <param name="configure">Changes to the app's host (a test clock, say); applied again on <see cref="RestartAsync"/>.</param>
    public static async Task<CardsWorld> StartAsync(
        string provider, IDictionary<string, string?>? settings = null, bool withContacts = true, Action<IWebHostBuilder>? configure = null,
        string? connectionSuffix = null, bool startApp = true, string? postgresAdmin = null, Action<IServiceCollection>? services = null)
    {
        var world = new CardsWorld(await TestWorld.CreateAsync(provider, migrate: true, postgresAdmin));
        await world.World.StartConnectorAsync();
        world.World.AddTeamAnalysts();
        if (connectionSuffix is not null)
        {
            world.World.Settings["ConnectionStrings:DtcNotify"] = world.Database.ConnectionString + connectionSuffix;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            world.World.Settings[key] = value;
        }

        world.World.AppServices = services;
        world.World.AppHost = configure;
        if (startApp)
        {
            _ = world.Client;
        }

        await using var db = world.Database.CreateContext();
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
    public WebApplicationFactory<Program> AnotherInstance() => World.AnotherInstance();

    /// <summary>Stops the app (as a host shutdown does) and starts a new one on the same database and connector.</summary>
    public Task RestartAsync() => World.RestartAsync();

    /// <summary>Stops the app as a host shutdown does (background work is cancelled); the world keeps its database and connector.</summary>
    public Task StopAsync() => World.StopAsync();

    public async Task<ThreatCase> CaseAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <param name="via">Another instance's client (<see cref="AnotherInstance"/>); the world's app by default.</param>
    public Task<(int Status, JsonElement Body)> InvokeAsync(ThreatCase target, string verb, string fromAad, JsonObject? inputs = null, int? version = null, string? channel = null, HttpClient? via = null) =>
        World.InvokeAsync(target, verb, fromAad, inputs, version, channel, via);

    public Task<(int Status, JsonElement Body)> InvokeRawAsync(JsonObject data, string verb, string fromAad, string replyToId, HttpClient? via = null) =>
        World.InvokeRawAsync(data, verb, fromAad, replyToId, via);

    /// <summary>Sends a chat command in the specialists' channel (@mentioning the bot) and returns the text of the bot's answer card.</summary>
    public Task<string> CommandAsync(string text, string fromAad) => World.CommandAsync(text, fromAad);

    /// <summary>Waits for a connector call matching <paramref name="match"/> (card updates and replies happen after the invoke).</summary>
    public Task<RecordedConnectorCall> WaitForCallAsync(Func<RecordedConnectorCall, bool> match) => World.WaitForConnectorCallAsync(match);

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
