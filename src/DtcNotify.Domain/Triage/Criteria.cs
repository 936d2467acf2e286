using System.Globalization;
using DtcNotify.Domain.Cases;

namespace DtcNotify.Domain.Triage;

internal sealed class SourceTrusted : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds) => input.SourceTrusted
        ? new("source trusted", true, $"source '{input.SourceName}' is a trusted (LDS) source")
        : new("source trusted", false, $"source '{input.SourceName}' is not trusted; recorded only", SuppressionReason.UntrustedSource);
}

internal sealed class NotVital : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds) => input.CompanyVital
        ? new("not vital", false, "vital organisation: refer to NCSC, DTC does not notify", SuppressionReason.Vital)
        : new("not vital", true, "not a vital organisation");
}

internal sealed class MayBeContacted : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds) => input.CompanyDoNotContact
        ? new("may be contacted", false, "the company asked not to be contacted (do_not_contact)", SuppressionReason.DoNotContact)
        : new("may be contacted", true, "no do-not-contact request");
}

internal sealed class HasContact : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds)
    {
        var has = channel == CaseChannel.Phone ? input.HasPhoneContact : input.HasEmailContact;
        return has
            ? new("contact for channel", true, $"a contact with {(channel == CaseChannel.Phone ? "a phone number" : "an e-mail address")} exists")
            : new("contact for channel", false, "no contact with an e-mail address or phone number", SuppressionReason.NoContact);
    }
}

internal sealed class Fresh : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds)
    {
        if (input.NewestObservation is not { } newest)
        {
            return new("recent", true, "observations carry no time; received now");
        }

        var age = (input.Now - newest).TotalDays;
        var detail = string.Create(CultureInfo.InvariantCulture, $"newest observation {newest:yyyy-MM-dd HH:mm}Z is {age:0.#} days old (maximum {thresholds.MaxObservationAgeDays})");
        return age <= thresholds.MaxObservationAgeDays
            ? new("recent", true, detail)
            : new("recent", false, detail, SuppressionReason.Stale);
    }
}

internal sealed class NotRecentlyNotified : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds)
    {
        if (input.LastNotifiedSameThreat is not { } last || (input.Now - last).TotalDays > thresholds.CooldownDays)
        {
            return new("not notified recently", true, $"no notification for this threat in the last {thresholds.CooldownDays} days");
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"notified for this threat on {last:yyyy-MM-dd}, within the {thresholds.CooldownDays}-day cooldown");
        return new("not notified recently", false, detail, SuppressionReason.Duplicate);
    }
}
