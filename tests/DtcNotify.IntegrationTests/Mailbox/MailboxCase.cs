using System.Text.Json;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Delivery;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Mailbox;

/// <summary>
/// A notification really sent (by the dispatcher, to the pickup outbox) for Alpha's case, with Ann as Alpha's contact, and
/// the CLI's <c>mail</c> verbs run against the same database; what comes back is built from the fixtures for exactly that mail.
/// </summary>
internal sealed class MailboxCase : IAsyncDisposable
{
    private MailboxCase(DeliveryScenario scenario, Notification sent, string reference, string inbox, IDictionary<string, string?> from)
    {
        Scenario = scenario;
        Sent = sent;
        Inbox = inbox;
        Values = new MailFixtureValues(sent.PublicId, reference, sent.Recipient, sent.Recipient, from.TryGetValue("Mail:From", out var our) && our is not null ? our : "dtcnotify@localhost");
        Settings = new Dictionary<string, string?>(from) { ["Mail:Inbox:Transport"] = "Pickup", ["Mail:Inbox:PickupDirectory"] = inbox };
    }

    public DeliveryScenario Scenario { get; }

    public Notification Sent { get; }

    public MailFixtureValues Values { get; }

    /// <summary>The pickup inbox (a temp folder).</summary>
    public string Inbox { get; }

    /// <summary>The CLI's settings: the pickup inbox; tests add or replace the transport's keys.</summary>
    public Dictionary<string, string?> Settings { get; }

    public static async Task<MailboxCase> StartAsync(string provider, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        var scenario = await DeliveryScenario.StartAsync(provider, all);
        var approved = await scenario.ApprovedAsync();
        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);
        await using (var db = scenario.Database.CreateContext())
        {
            var threatCase = await db.Cases.SingleAsync(c => c.Id == approved.CaseId);
            db.Contacts.Add(new Contact { CompanyId = threatCase.CompanyId, Name = "Ann", Email = approved.Recipient, Phone = "+31612345678" });
            // The sender rule looks 30 days back from the CLI's (real) clock.
            threatCase.NotifiedAt = DateTimeOffset.UtcNow.AddDays(-1);
            await db.SaveChangesAsync();
        }

        var (sent, c) = await scenario.ReadAsync(approved.Id);
        Assert.Equal(NotificationStatus.Sent, sent.Status);
        return new MailboxCase(scenario, sent, c.Reference!, Path.Combine(scenario.Directory, "inbox"), all);
    }

    public void Drop(string fixture, MailFixtureValues? values = null) => Drop(fixture, MailFixtures.Bytes(fixture, values ?? Values));

    public void Drop(string name, byte[] content)
    {
        Directory.CreateDirectory(Inbox);
        // Written under a name the reader skips and renamed, as the README asks of whoever drops mail there.
        File.WriteAllBytes(Path.Combine(Inbox, name + ".part"), content);
        File.Move(Path.Combine(Inbox, name + ".part"), Path.Combine(Inbox, name));
    }

    public Task<CliRun> CliAsync(params string[] args) => CliDriver.RunAsync(Scenario.Database, Settings, args);

    /// <summary><c>mail inbox --json</c>: processed, replies, bounces, autoReplies, unmatched.</summary>
    public async Task<(int Processed, int Replies, int Bounces, int AutoReplies, int Unmatched)> InboxAsync()
    {
        var run = await CliAsync("mail", "inbox", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        int N(string key) => json.RootElement.GetProperty(key).GetInt32();
        return (N("processed"), N("replies"), N("bounces"), N("autoReplies"), N("unmatched"));
    }

    public async Task<List<InboundMail>> RowsAsync()
    {
        await using var db = Scenario.Database.CreateContext();
        return await db.Set<InboundMail>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public string[] FilesIn(string folder) =>
        Directory.Exists(Path.Combine(Inbox, folder)) ? [.. Directory.GetFiles(Path.Combine(Inbox, folder)).Select(Path.GetFileName).OfType<string>().Order()] : [];

    public ValueTask DisposeAsync() => Scenario.DisposeAsync();
}
