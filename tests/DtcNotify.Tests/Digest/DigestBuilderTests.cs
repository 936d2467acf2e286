using DtcNotify.Digest;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace DtcNotify.Tests.Digest;

public sealed class DigestBuilderTests
{
    private readonly DigestSchedule _schedule = new("0 9 * * 1-5", "Europe/Amsterdam");

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DigestCaseFact Case(string id, CaseStatus status, string created, string? suppression = null, string? posted = null, string threat = "open-rdp") =>
        new(id, $"Company {id}", threat, status, suppression, Utc(created), Utc(created), posted is null ? null : Utc(posted), null, null);

    private static DigestNotificationFact Sent(string channel, string completed) => new(channel, NotificationStatus.Sent, Utc(completed), null);

    [Fact]
    public void The_digest_after_kings_day_counts_everything_since_fridays_digest()
    {
        // Arrange: Tuesday 28 April 2026, 09:00 CEST (Monday 27 April was King's Day: no digest).
        var clock = new FakeTimeProvider(Utc("2026-04-28T07:00:00Z"));
        var facts = new DigestFacts(
            [
                Case("A", CaseStatus.Proposed, "2026-04-20T10:00:00Z", posted: "2026-04-21T07:00:00Z"),
                Case("B", CaseStatus.Proposed, "2026-04-27T10:00:00Z", posted: "2026-04-27T10:05:00Z"),
                Case("C", CaseStatus.Suppressed, "2026-04-27T12:00:00Z", SuppressionReason.Vital),
                Case("D", CaseStatus.Suppressed, "2026-04-25T12:00:00Z", SuppressionReason.Stale),
                Case("E", CaseStatus.Suppressed, "2026-04-23T12:00:00Z", SuppressionReason.Stale), // before Friday's digest
                Case("F", CaseStatus.Approved, "2026-04-27T12:00:00Z", threat: "citrix"),
            ],
            [
                Sent(CaseChannel.Email, "2026-04-24T08:00:00Z"), // Friday 10:00: in
                Sent(CaseChannel.Email, "2026-04-27T09:00:00Z"), // on the holiday: in
                Sent(CaseChannel.Phone, "2026-04-27T09:30:00Z"),
                Sent(CaseChannel.Email, "2026-04-24T06:59:00Z"), // before Friday's digest: out
                new(CaseChannel.Email, NotificationStatus.Failed, Utc("2026-04-27T09:00:00Z"), null),
                new(CaseChannel.Phone, NotificationStatus.Sent, Utc("2026-04-27T09:30:00Z"), Utc("2026-04-28T12:00:00Z")), // due today
                new(CaseChannel.Phone, NotificationStatus.Sent, Utc("2026-04-27T09:30:00Z"), Utc("2026-04-29T07:00:00Z")), // due tomorrow
            ],
            [
                new("shadowserver", "scan_rdp.csv", Utc("2026-04-27T05:00:00Z"), 100, 98, 2),
                new("shadowserver", "old.csv", Utc("2026-04-23T05:00:00Z"), 10, 10, 0),
            ]);

        // Act
        var digest = DigestBuilder.Build(facts, _schedule.Window(clock.GetUtcNow()));

        // Assert
        Assert.Equal("2026-04-28", digest.Day);
        Assert.Equal(2, digest.AwaitingApproval.Count);
        Assert.Equal("A", digest.AwaitingApproval.Oldest[0].Id);
        Assert.Equal(7 * 24, digest.AwaitingApproval.Oldest[0].AgeHours); // posted a week ago to the hour
        Assert.Equal(1, digest.ApprovedNotDelivered.Count);
        Assert.Equal(new DeliveredCounts(2, 3), digest.Delivered); // the failed e-mail and the one before Friday's digest do not count
        Assert.Equal(1, digest.CallsDueToday);
        Assert.Equal([new NamedCount(SuppressionReason.Stale, 1), new NamedCount(SuppressionReason.Vital, 1)], digest.Suppressed.OrderBy(s => s.Name));
        Assert.Equal("scan_rdp.csv", Assert.Single(digest.Imports).FileName);
        Assert.Equal(2, digest.Imports[0].Rejected);
        Assert.Equal([new NamedCount("open-rdp", 2), new NamedCount("citrix", 1)], digest.TopThreats);
    }

    [Fact]
    public void Across_the_spring_dst_switch_the_window_and_today_are_local()
    {
        // Monday 30 March 2026, 09:00 CEST = 07:00Z; Friday's digest was 09:00 CET = 08:00Z.
        var clock = new FakeTimeProvider(Utc("2026-03-30T07:00:00Z"));
        var facts = new DigestFacts(
            [],
            [
                Sent(CaseChannel.Email, "2026-03-27T07:59:00Z"), // Friday 08:59 CET: before the previous digest
                Sent(CaseChannel.Email, "2026-03-27T08:00:00Z"), // Friday 09:00 CET: in
                new(CaseChannel.Phone, NotificationStatus.Pending, null, Utc("2026-03-29T22:30:00Z")), // Monday 00:30 CEST: today
                new(CaseChannel.Phone, NotificationStatus.Pending, null, Utc("2026-03-29T21:30:00Z")), // Sunday 23:30 CEST: not today
            ],
            []);

        var digest = DigestBuilder.Build(facts, _schedule.Window(clock.GetUtcNow()));

        Assert.Equal(1, digest.Delivered.Email);
        Assert.Equal(1, digest.CallsDueToday);
    }

    [Fact]
    public void An_empty_database_gives_an_empty_digest_not_an_error()
    {
        var digest = DigestBuilder.Build(new DigestFacts([], [], []), _schedule.Window(Utc("2026-11-27T08:00:00Z")));

        Assert.Equal((0, 0, 0, 0), (digest.AwaitingApproval.Count, digest.ApprovedNotDelivered.Count, digest.DeliveryFailures.Count, digest.CallsDueToday));
        Assert.Empty(digest.TopThreats);
    }

    [Fact]
    public void The_card_escapes_feed_and_registry_text()
    {
        var facts = new DigestFacts(
            [new("X", "**Bold** B.V.", "[link](http://evil)", CaseStatus.DeliveryFailed, null, Utc("2026-11-26T08:00:00Z"), Utc("2026-11-26T08:00:00Z"), null, null, "_smtp_ 550")],
            [],
            []);
        var digest = DigestBuilder.Build(facts, _schedule.Window(Utc("2026-11-27T08:00:00Z")));

        var card = DigestCard.Create(digest, _schedule.Zone).ToJson();

        Assert.DoesNotContain("**Bold**", card, StringComparison.Ordinal);
        Assert.DoesNotContain("[link](", card, StringComparison.Ordinal);
        Assert.Contains("Mislukte verzendingen", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_made_are_counted_apart_from_calls_scheduled_and_the_first_digest_claims_no_previous_one()
    {
        var window = _schedule.Window(Utc("2026-11-27T08:00:00Z"));
        var facts = new DigestFacts([Case("A", CaseStatus.Proposed, "2026-11-26T10:00:00Z", SuppressionReason.Vital)],
            [Sent(CaseChannel.Phone, "2026-11-26T12:00:00Z")], [])
        {
            CallsDone = [Utc("2026-11-26T13:00:00Z"), Utc("2026-11-20T13:00:00Z")], // the second is before the window
            HasPreviousDigest = false,
        };

        var digest = DigestBuilder.Build(facts, window);
        var text = string.Join("\n", Cases.CardJson.Texts(Cases.CardJson.Parse(DigestCard.Create(digest, _schedule.Zone))));
        var english = string.Join("\n", Cases.CardJson.Texts(Cases.CardJson.Parse(DigestCard.Create(digest, _schedule.Zone, DtcNotify.Resources.AnalystTexts.English))));

        Assert.Equal((1, 1, true), (digest.Delivered.Phone, digest.CallsMade, digest.FirstDigest));
        Assert.Contains("Sinds 26-11-2026 09:00 CET tot 27-11-2026 09:00 CET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vorige", text, StringComparison.Ordinal);
        Assert.Contains("Belafspraken gepland", text, StringComparison.Ordinal);
        Assert.Contains("Gebeld", text, StringComparison.Ordinal);
        Assert.Contains("Since 26 Nov 2026 09:00 CET until 27 Nov 2026 09:00 CET", english, StringComparison.Ordinal);
        Assert.Contains("Calls made", english, StringComparison.Ordinal);
        Assert.Contains("1 dag 6 uur", string.Join("\n", Cases.CardJson.Texts(Cases.CardJson.Parse(DigestCard.Create(
            digest with { AwaitingApproval = new CaseBacklog(1, [new AgedCase("DTC-1", "X", "open-rdp", window.From, 30)]) }, _schedule.Zone)))), StringComparison.Ordinal);
    }

    [Fact]
    public void Suppression_codes_are_words_in_the_digest()
    {
        var digest = DigestBuilder.Build(new DigestFacts([], [], []), _schedule.Window(Utc("2026-11-27T08:00:00Z")))
            with { Suppressed = [new NamedCount(SuppressionReason.Vital, 2)] };

        var text = string.Join("\n", Cases.CardJson.Texts(Cases.CardJson.Parse(DigestCard.Create(digest, _schedule.Zone))));

        Assert.Contains("vitaal — doorverwijzen naar NCSC: 2", text, StringComparison.Ordinal);
        Assert.Contains("Sinds het vorige overzicht", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_posting_uncertain_are_listed_by_reference_and_absent_when_there_are_none()
    {
        var digest = DigestBuilder.Build(new DigestFacts([], [], []), _schedule.Window(Utc("2026-11-27T08:00:00Z")));
        string Text(DigestReport d, DtcNotify.Resources.AnalystTexts? t = null) => string.Join("\n", Cases.CardJson.Texts(Cases.CardJson.Parse(DigestCard.Create(d, _schedule.Zone, t))));

        var uncertain = digest with { PostingUncertain = ["DTC-2026-000007", "DTC-2026-000009"] };

        Assert.Contains("Plaatsing onzeker (kijk in het kanaal, dan posting retry of posting done): DTC\\-2026\\-000007, DTC\\-2026\\-000009", Text(uncertain), StringComparison.Ordinal);
        Assert.Contains("Posting uncertain (check the channel, then posting retry or posting done): DTC\\-2026\\-000007", Text(uncertain, DtcNotify.Resources.AnalystTexts.English), StringComparison.Ordinal);
        Assert.DoesNotContain("onzeker", Text(digest), StringComparison.Ordinal);
    }
}
