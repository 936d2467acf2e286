using DtcNotify.Domain.Cases;

namespace DtcNotify.Domain.Triage;

/// <summary>
/// Runs the criteria in the order of architecture §2; the first that fails decides the suppression reason, and every
/// result (also after a failure) goes into the explanation so the analyst sees the whole picture.
/// </summary>
public sealed class TriageEvaluator(TriageThresholds thresholds)
{
    // Order matters: it is the order of the contract, and the first failure names the reason. The source's sharing rule
    // (TLP) binds right after its trust: without its permission nothing else matters.
    private static readonly ITriageCriterion[] Criteria =
        [new SourceTrusted(), new SharingAllowed(), new NotVital(), new MayBeContacted(), new HasContact(), new Fresh(), new NotRecentlyNotified()];

    public TriageOutcome Evaluate(TriageInput input)
    {
        var (channel, channelNote) = ChooseChannel(input);
        var results = new List<CriterionResult> { ChannelResult(input, channel, channelNote) };
        results.AddRange(Criteria.Select(c => c.Evaluate(input, channel, thresholds)));
        var suppression = results.FirstOrDefault(r => !r.Passed)?.Suppression;
        return new TriageOutcome(channel, results, suppression);
    }

    // The sentence names why the channel was chosen: the kind and severity, and when the preferred channel had no contact.
    private static CriterionResult ChannelResult(TriageInput input, string channel, string note)
    {
        var preferred = IsUrgent(input) ? CaseChannel.Phone : CaseChannel.Email;
        var sentence = channel == preferred ? "ChannelChosen" : channel == CaseChannel.Email ? "ChannelNoPhone" : "ChannelNoEmail";
        return new CriterionResult("channel", true, note).Saying(sentence, CriterionValue.Kind(input.Kind), CriterionValue.Severity(input.Severity), CriterionValue.Channel(preferred));
    }

    private static bool IsUrgent(TriageInput input) => input.Kind == "incidental" && input.Severity is "critical" or "high";

    /// <summary>Phone for incidental critical/high cases, else e-mail; if the company cannot be reached that way but can the other, use the other.</summary>
    private static (string Channel, string Note) ChooseChannel(TriageInput input)
    {
        var urgent = IsUrgent(input);
        var preferred = urgent ? CaseChannel.Phone : CaseChannel.Email;
        var why = urgent ? $"incidental and {input.Severity}: phone" : $"{input.Kind}, {input.Severity}: e-mail";
        return preferred switch
        {
            CaseChannel.Phone when !input.HasPhoneContact && input.HasEmailContact => (CaseChannel.Email, why + "; no phone number known, so e-mail"),
            CaseChannel.Email when !input.HasEmailContact && input.HasPhoneContact => (CaseChannel.Phone, why + "; no e-mail address known, so phone"),
            _ => (preferred, why),
        };
    }
}
