using System.Globalization;
using DtcNotify.Domain.Cases;

namespace DtcNotify.Domain.Triage;

internal sealed class SourceTrusted : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds) => input.SourceTrusted
        ? new CriterionResult("source trusted", true, $"source '{input.SourceName}' is a trusted (LDS) source").Saying("SourceTrusted", CriterionValue.Text(input.SourceName))
        : new CriterionResult("source trusted", false, $"source '{input.SourceName}' is not trusted; recorded only", SuppressionReason.UntrustedSource)
            .Saying("SourceUntrusted", CriterionValue.Text(input.SourceName));
}

internal sealed class NotVital : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds) => input.CompanyVital
        ? new CriterionResult("not vital", false, "vital organisation: refer to NCSC, DTC does not notify", SuppressionReason.Vital).Saying("Vital")
        : new CriterionResult("not vital", true, "not a vital organisation").Saying("NotVital");
}

internal sealed class MayBeContacted : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds) => input.CompanyDoNotContact
        ? new CriterionResult("may be contacted", false, "the company asked not to be contacted (do_not_contact)", SuppressionReason.DoNotContact).Saying("DoNotContact")
        : new CriterionResult("may be contacted", true, "no do-not-contact request").Saying("MayContact");
}

internal sealed class HasContact : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds)
    {
        var phone = channel == CaseChannel.Phone;
        return (phone ? input.HasPhoneContact : input.HasEmailContact)
            ? new CriterionResult("contact for channel", true, $"a contact with {(phone ? "a phone number" : "an e-mail address")} exists").Saying(phone ? "HasPhoneContact" : "HasEmailContact")
            : new CriterionResult("contact for channel", false, "no contact with an e-mail address or phone number", SuppressionReason.NoContact).Saying("NoContact");
    }
}

internal sealed class Fresh : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds)
    {
        if (input.NewestObservation is not { } newest)
        {
            return new CriterionResult("recent", true, "observations carry no time; received now").Saying("FreshNoTime");
        }

        var age = (input.Now - newest).TotalDays;
        var detail = string.Create(CultureInfo.InvariantCulture, $"newest observation {newest:yyyy-MM-dd HH:mm}Z is {age:0.#} days old (maximum {thresholds.MaxObservationAgeDays})");
        var values = new[] { CriterionValue.Instant(newest), CriterionValue.Days(age), CriterionValue.Days(thresholds.MaxObservationAgeDays) };
        return age <= thresholds.MaxObservationAgeDays
            ? new CriterionResult("recent", true, detail).Saying("FreshAge", values)
            : new CriterionResult("recent", false, detail, SuppressionReason.Stale).Saying("FreshAge", values);
    }
}

internal sealed class NotRecentlyNotified : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds)
    {
        if (input.LastNotifiedSameThreat is not { } last || (input.Now - last).TotalDays > thresholds.CooldownDays)
        {
            return new CriterionResult("not notified recently", true, $"no notification for this threat in the last {thresholds.CooldownDays} days")
                .Saying("CooldownClear", CriterionValue.Days(thresholds.CooldownDays));
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"notified for this threat on {last:yyyy-MM-dd}, within the {thresholds.CooldownDays}-day cooldown");
        return new CriterionResult("not notified recently", false, detail, SuppressionReason.Duplicate)
            .Saying("CooldownWithin", CriterionValue.Instant(last), CriterionValue.Days(thresholds.CooldownDays));
    }
}
