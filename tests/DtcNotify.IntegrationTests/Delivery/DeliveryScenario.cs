using DtcNotify.Delivery;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DtcNotify.IntegrationTests.Delivery;

/// <summary>
/// The app on a test database with a fake clock, and approved cases with their notification rows inserted directly
/// (the approval itself is the case-card feature's). Company "Alpha" is notified; "Beta" has observations of the same
/// threat that must never appear in Alpha's mail.
/// </summary>
internal sealed class DeliveryScenario : IAsyncDisposable
{
    public const string AnalystId = "6b7b3b2a-2c4b-4175-8582-41c9e685c1b5";

    /// <summary>Friday 27 November 2026, 10:00 in Amsterdam.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private DeliveryScenario(TestWorld world, string directory)
    {
        World = world;
        Directory = directory;
    }

    /// <summary>The fixture underneath, for what this scenario does not wrap.</summary>
    public TestWorld World { get; }

    public TestDatabase Database => World.Database;

    /// <summary>Records what the dispatcher asked the channel to show (next to the real publisher, which has no channel here).</summary>
    public RecordingChannel Channel { get; } = new();

    public WebApplicationFactory<Program> Host => World.App;

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>A temp folder holding outbox/ and calltasks/.</summary>
    public string Directory { get; }

    public string Outbox => Path.Combine(Directory, "outbox");

    public string CallTasks => Path.Combine(Directory, "calltasks");

    public static async Task<DeliveryScenario> StartAsync(string provider, IDictionary<string, string?>? settings = null, bool fakeClock = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"dtcnotify-delivery-{Guid.NewGuid():N}");
        var scenario = new DeliveryScenario(await TestWorld.CreateAsync(provider), directory);
        var all = scenario.World.Settings;
        all["Mail:PickupDirectory"] = scenario.Outbox;
        all["CallTasks:PickupDirectory"] = scenario.CallTasks;
        all["Mail:ContactPhone"] = "+31 70 000 0000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        if (fakeClock)
        {
            scenario.World.AppServices = s =>
            {
                // Tests drive the dispatcher themselves (RunOnceAsync), so no background pass races their assertions.
                s.AddSingleton<TimeProvider>(scenario.Clock);
                s.AddSingleton<ICaseChannelNotifier>(scenario.Channel);
                foreach (var loop in s.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(NotificationDispatcherService)).ToList())
                {
                    s.Remove(loop);
                }
            };
        }

        _ = scenario.Host.Services; // starts the host: migrations, then the dispatcher's first (empty) pass
        return scenario;
    }

    public NotificationDispatcher Dispatcher => Host.Services.GetRequiredService<NotificationDispatcher>();

    /// <summary>A second dispatcher as another app instance would run it (its own claim mark).</summary>
    public NotificationDispatcher AnotherInstance() => ActivatorUtilities.CreateInstance<NotificationDispatcher>(Host.Services);

    /// <summary>Alpha's approved case with two observations, Beta's case with one, and one pending notification for Alpha.</summary>
    public async Task<Notification> ApprovedAsync(string channel = CaseChannel.Email, string language = "nl", int number = 1, IReadOnlyList<string>? measures = null)
    {
        await using var db = Database.CreateContext();
        var now = Clock.GetUtcNow();
        var import = new FeedImport { Source = "lds", Format = "csv", Kind = "periodic", FileName = $"feed{number}.csv", Sha256 = $"{number:x64}", ReceivedAt = now };
        var alpha = new Company { Kvk = $"{11111110 + number}", Name = $"Alpha <{number}> B.V.", Language = language, CreatedAt = now, UpdatedAt = now };
        var beta = new Company { Kvk = $"{22222220 + number}", Name = "Beta", CreatedAt = now, UpdatedAt = now };
        db.AddRange(import, alpha, beta);
        await db.SaveChangesAsync();

        var alphaCase = NewCase(alpha.Id, $"DTC-2026-{number:000000}", measures, now);
        var betaCase = NewCase(beta.Id, $"DTC-2026-{900000 + number:000000}", null, now);
        db.AddRange(alphaCase, betaCase);
        await db.SaveChangesAsync();
        db.AddRange(
            Observation(import.Id, alpha.Id, alphaCase.Id, "192.0.2.10", 3389, now.AddHours(-3)),
            Observation(import.Id, alpha.Id, alphaCase.Id, "192.0.2.11", 3389, now.AddHours(-2)),
            Observation(import.Id, beta.Id, betaCase.Id, "198.51.100.99", 3389, now.AddHours(-2)));
        alphaCase.MarkProposed("19:channel@thread.tacv2;messageid=1", "1", null, now);
        alphaCase.Approve(channel, new CaseActor(AnalystId, "Anna Analyst"), now);
        var notification = new Notification
        {
            CaseId = alphaCase.Id,
            CompanyId = alpha.Id,
            Channel = channel,
            Recipient = channel == CaseChannel.Phone ? "+31612345678" : "ann@alpha.example",
            RecipientName = "Ann <Alpha>",
            Language = language,
            IdempotencyKey = $"case:{alphaCase.Id}:approval:{alphaCase.Version}",
            RequestedById = AnalystId,
            RequestedByName = "Anna Analyst",
            CreatedAt = now,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification;
    }

    public async Task<(Notification Notification, ThreatCase Case)> ReadAsync(long notificationId)
    {
        await using var db = Database.CreateContext();
        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == notificationId);
        return (notification, await db.Cases.AsNoTracking().SingleAsync(c => c.Id == notification.CaseId));
    }

    public async Task<List<string>> AuditActionsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    public string[] Files(string directory) =>
        System.IO.Directory.Exists(directory) ? System.IO.Directory.GetFiles(directory) : [];

    private static ThreatCase NewCase(long companyId, string reference, IReadOnlyList<string>? measures, DateTimeOffset now) => new()
    {
        Reference = reference,
        CompanyId = companyId,
        Threat = "open-rdp",
        Kind = "periodic",
        Severity = "high",
        Channel = CaseChannel.Email,
        Language = "nl",
        Measures = [.. measures ?? []],
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static StoredObservation Observation(long importId, long companyId, long caseId, string ip, int port, DateTimeOffset time) => new()
    {
        ImportId = importId,
        Line = port,
        CompanyId = companyId,
        CaseId = caseId,
        Threat = "open-rdp",
        MatchedAsset = ip,
        TimeSource = time,
        SourceIp = ip,
        SourcePort = port,
        Protocol = "rdp",
        Taxonomy = "vulnerable",
        Type = "vulnerable-system",
        Identifier = "open-rdp",
    };

    internal sealed class RecordingChannel : ICaseChannelNotifier
    {
        private readonly List<(long CaseId, string Reply)> _replies = [];

        public IReadOnlyList<(long CaseId, string Reply)> Replies
        {
            get
            {
                lock (_replies)
                {
                    return [.. _replies];
                }
            }
        }

        public Task PublishAsync(long caseId, string threadReply, CancellationToken cancellationToken)
        {
            lock (_replies)
            {
                _replies.Add((caseId, threadReply));
            }

            return Task.CompletedTask;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await World.DisposeAsync();
        }
        finally
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }
}
