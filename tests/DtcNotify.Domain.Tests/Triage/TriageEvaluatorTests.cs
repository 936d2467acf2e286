using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Sharing;
using DtcNotify.Domain.Triage;

namespace DtcNotify.Domain.Tests.Triage;

/// <summary>
/// Each criterion of architecture §2 on its own: a case that passes everything is notified, and each single failure
/// suppresses it with its own reason; the channel follows kind and severity, and falls back to the other channel when
/// the company cannot be reached on the preferred one.
/// </summary>
public sealed class TriageEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly TriageEvaluator Evaluator = new(new TriageThresholds(MaxObservationAgeDays: 14, CooldownDays: 30));

    /// <summary>A case every criterion lets through: trusted source, TLP:AMBER, reachable, fresh, never notified.</summary>
    private static TriageInput Passing() => new(
        SourceName: "lds", SourceTrusted: true, Kind: "periodic", Severity: "medium", CompanyVital: false, CompanyDoNotContact: false,
        HasEmailContact: true, HasPhoneContact: true, NewestObservation: Now.AddDays(-1), LastNotifiedSameThreat: null, Now: Now, Tlp: TlpLevel.Amber);

    [Fact]
    public void A_case_that_passes_every_criterion_is_notified_and_every_criterion_is_explained()
    {
        var outcome = Evaluator.Evaluate(Passing());

        Assert.Null(outcome.Suppression);
        Assert.Equal(
            ["channel", "source trusted", "sharing allowed", "not vital", "may be contacted", "contact for channel", "recent", "not notified recently"],
            outcome.Results.Select(r => r.Criterion));
        Assert.All(outcome.Results, r => Assert.True(r.Passed, r.Criterion));
        Assert.All(outcome.Results, r => Assert.Null(r.Suppression));
    }

    public static TheoryData<string, string, string> SingleFailures() => new()
    {
        { "untrusted source", "source trusted", SuppressionReason.UntrustedSource },
        { "TLP:RED", "sharing allowed", SuppressionReason.TlpRed },
        { "vital", "not vital", SuppressionReason.Vital },
        { "do not contact", "may be contacted", SuppressionReason.DoNotContact },
        { "no contact at all", "contact for channel", SuppressionReason.NoContact },
        { "stale", "recent", SuppressionReason.Stale },
        { "notified within the cooldown", "not notified recently", SuppressionReason.Duplicate },
    };

    [Theory]
    [MemberData(nameof(SingleFailures))]
    public void Each_criterion_alone_suppresses_with_its_own_reason(string failure, string criterion, string reason)
    {
        var outcome = Evaluator.Evaluate(Failing(failure));

        Assert.Equal(reason, outcome.Suppression);
        var failed = Assert.Single(outcome.Results, r => !r.Passed);
        Assert.Equal(criterion, failed.Criterion);
        Assert.Equal(reason, failed.Suppression);
        Assert.False(string.IsNullOrWhiteSpace(failed.Detail));
    }

    [Fact]
    public void The_first_failing_criterion_names_the_reason_and_the_later_ones_are_still_explained()
    {
        var input = Passing() with { SourceTrusted = false, CompanyVital = true, LastNotifiedSameThreat = Now.AddDays(-2) };

        var outcome = Evaluator.Evaluate(input);

        Assert.Equal(SuppressionReason.UntrustedSource, outcome.Suppression);
        Assert.Equal(["source trusted", "not vital", "not notified recently"], outcome.Results.Where(r => !r.Passed).Select(r => r.Criterion));
        Assert.Equal(8, outcome.Results.Count);
    }

    [Theory]
    [InlineData(TlpLevel.Clear)]
    [InlineData(TlpLevel.Green)]
    [InlineData(TlpLevel.Amber)]
    [InlineData(TlpLevel.AmberStrict)]
    [InlineData(null)]
    [InlineData("PURPLE")]
    public void Every_TLP_level_but_RED_allows_the_notification(string? tlp)
    {
        var outcome = Evaluator.Evaluate(Passing() with { Tlp = tlp });

        Assert.Null(outcome.Suppression);
        Assert.True(outcome.Results.Single(r => r.Criterion == "sharing allowed").Passed);
    }

    [Fact]
    public void An_observation_exactly_at_the_maximum_age_is_recent_and_one_just_older_is_stale()
    {
        Assert.Null(Evaluator.Evaluate(Passing() with { NewestObservation = Now.AddDays(-14) }).Suppression);
        Assert.Equal(SuppressionReason.Stale, Evaluator.Evaluate(Passing() with { NewestObservation = Now.AddDays(-14).AddMinutes(-1) }).Suppression);
    }

    [Fact]
    public void Observations_without_a_time_count_as_received_now()
    {
        var outcome = Evaluator.Evaluate(Passing() with { NewestObservation = null });

        Assert.Null(outcome.Suppression);
        Assert.Contains("no time", outcome.Results.Single(r => r.Criterion == "recent").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notification_just_within_the_cooldown_is_a_duplicate_and_one_just_before_it_is_not()
    {
        Assert.Equal(SuppressionReason.Duplicate, Evaluator.Evaluate(Passing() with { LastNotifiedSameThreat = Now.AddDays(-30) }).Suppression);
        Assert.Null(Evaluator.Evaluate(Passing() with { LastNotifiedSameThreat = Now.AddDays(-30).AddMinutes(-1) }).Suppression);
    }

    [Theory]
    [InlineData("incidental", "critical", CaseChannel.Phone)]
    [InlineData("incidental", "high", CaseChannel.Phone)]
    [InlineData("incidental", "medium", CaseChannel.Email)]
    [InlineData("periodic", "critical", CaseChannel.Email)]
    [InlineData("periodic", "low", CaseChannel.Email)]
    public void Incidental_critical_and_high_cases_propose_a_phone_call_the_rest_an_email(string kind, string severity, string channel)
    {
        var outcome = Evaluator.Evaluate(Passing() with { Kind = kind, Severity = severity });

        Assert.Equal(channel, outcome.Channel);
        Assert.Null(outcome.Suppression);
    }

    [Fact]
    public void An_urgent_case_without_a_phone_number_falls_back_to_email_and_says_so()
    {
        var outcome = Evaluator.Evaluate(Passing() with { Kind = "incidental", Severity = "critical", HasPhoneContact = false });

        Assert.Equal(CaseChannel.Email, outcome.Channel);
        Assert.Null(outcome.Suppression);
        Assert.Contains("no phone number known, so e-mail", outcome.Results[0].Detail, StringComparison.Ordinal);
        Assert.Contains("an e-mail address", outcome.Results.Single(r => r.Criterion == "contact for channel").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_without_an_email_address_falls_back_to_phone_and_says_so()
    {
        var outcome = Evaluator.Evaluate(Passing() with { HasEmailContact = false });

        Assert.Equal(CaseChannel.Phone, outcome.Channel);
        Assert.Null(outcome.Suppression);
        Assert.Contains("no e-mail address known, so phone", outcome.Results[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_urgent_case_with_a_phone_number_keeps_the_phone_even_with_an_email_address()
    {
        var outcome = Evaluator.Evaluate(Passing() with { Kind = "incidental", Severity = "high" });

        Assert.Equal(CaseChannel.Phone, outcome.Channel);
        Assert.DoesNotContain("so e-mail", outcome.Results[0].Detail, StringComparison.Ordinal);
    }

    private static TriageInput Failing(string failure) => failure switch
    {
        "untrusted source" => Passing() with { SourceTrusted = false },
        "TLP:RED" => Passing() with { Tlp = TlpLevel.Red },
        "vital" => Passing() with { CompanyVital = true },
        "do not contact" => Passing() with { CompanyDoNotContact = true },
        "no contact at all" => Passing() with { HasEmailContact = false, HasPhoneContact = false },
        "stale" => Passing() with { NewestObservation = Now.AddDays(-15) },
        "notified within the cooldown" => Passing() with { LastNotifiedSameThreat = Now.AddDays(-3) },
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
