using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.Domain.Triage;

namespace DtcNotify.Domain.Tests.Cases;

public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly CaseActor Anna = new("aad-anna", "Anna");

    private static ThreatCase NewCase() => new()
    {
        Reference = "DTC-2026-000001",
        CompanyId = 1,
        Threat = "open-ftp",
        Kind = "periodic",
        Severity = "medium",
        Channel = CaseChannel.Email,
        Language = "nl",
    };

    private static ThreatCase Proposed()
    {
        var threatCase = NewCase();
        threatCase.MarkProposed("19:abc@thread.tacv2;messageid=1", "1", null, Now);
        return threatCase;
    }

    [Fact]
    public void Every_step_bumps_the_version_and_records_who_did_what()
    {
        var threatCase = Proposed();
        var before = threatCase.Version;

        threatCase.Approve(CaseChannel.Phone, Anna, Now.AddMinutes(1));

        Assert.Equal(CaseStatus.Approved, threatCase.Status);
        Assert.Equal(CaseChannel.Phone, threatCase.Channel);
        Assert.Equal(before + 1, threatCase.Version);
        Assert.Equal("approved by phone", threatCase.LastAction);
        Assert.Equal("Anna", threatCase.LastActorName);
        Assert.Equal("aad-anna", threatCase.ApprovedById);
    }

    [Fact]
    public void A_second_approval_is_refused()
    {
        var threatCase = Proposed();
        threatCase.Approve(CaseChannel.Email, Anna, Now);

        var error = Assert.Throws<CaseStateException>(() => threatCase.Approve(CaseChannel.Email, new("aad-bob", "Bob"), Now));
        Assert.Equal(CaseStatus.Approved, error.Status);
        Assert.Equal("Anna", threatCase.LastActorName);
    }

    [Fact]
    public void A_case_that_is_not_yet_in_the_channel_cannot_be_approved_or_rejected()
    {
        Assert.Throws<CaseStateException>(() => NewCase().Approve(CaseChannel.Email, Anna, Now));
        Assert.Throws<CaseStateException>(() => NewCase().Reject("no", Anna, Now));
    }

    [Fact]
    public void Unknown_channel_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Proposed().Approve("fax", Anna, Now));
    }

    [Fact]
    public void Delivery_failure_can_be_retried_and_then_succeed()
    {
        var threatCase = Proposed();
        threatCase.Approve(CaseChannel.Email, Anna, Now);
        threatCase.MarkDeliveryFailed("Graph answered 403", Now);
        Assert.Equal(CaseStatus.DeliveryFailed, threatCase.Status);
        Assert.Equal("Graph answered 403", threatCase.DeliveryError);

        threatCase.RetryDelivery(Anna, Now);
        threatCase.MarkNotified(Now.AddMinutes(2));

        Assert.Equal(CaseStatus.Notified, threatCase.Status);
        Assert.Null(threatCase.DeliveryError);
        Assert.Equal(Now.AddMinutes(2), threatCase.NotifiedAt);
    }

    [Fact]
    public void A_call_not_reached_asks_for_another_and_a_call_reached_closes_the_case()
    {
        var threatCase = Proposed();
        threatCase.Approve(CaseChannel.Phone, Anna, Now);
        threatCase.MarkCallScheduled(Now);
        threatCase.RecordCallOutcome(reached: false, Anna, Now);
        Assert.Equal(CaseStatus.Approved, threatCase.Status);

        threatCase.MarkCallScheduled(Now);
        threatCase.RecordCallOutcome(reached: true, Anna, Now.AddDays(1));

        Assert.Equal(CaseStatus.Closed, threatCase.Status);
        Assert.Equal(2, threatCase.CallAttempts);
        Assert.Equal(Now, threatCase.NotifiedAt); // the first call task created: the warning, also for the cooldown
        Assert.False(threatCase.IsOpen);
    }

    [Fact]
    public void Triage_no_longer_decides_once_proposed()
    {
        var threatCase = Proposed();
        Assert.Throws<InvalidOperationException>(() => threatCase.ApplyTriage(new TriageOutcome(CaseChannel.Email, [], null), Now));
    }

    [Fact]
    public void Notification_is_claimed_once_and_never_claimed_again_after_an_ambiguous_failure()
    {
        var notification = new Notification
        {
            Channel = CaseChannel.Email,
            Recipient = "security@example.nl",
            Language = "nl",
            IdempotencyKey = "case:1:approval:3",
            RequestedById = "aad-anna",
        };

        notification.Claim("instance-a", Now);
        Assert.Throws<InvalidOperationException>(() => notification.Claim("instance-b", Now));
        notification.MarkFailed("Graph", "timeout after the request was sent", Now);

        Assert.Equal(NotificationStatus.Failed, notification.Status);
        Assert.Equal(1, notification.Attempts);
        Assert.Throws<InvalidOperationException>(() => notification.Claim("instance-a", Now));
    }
}
