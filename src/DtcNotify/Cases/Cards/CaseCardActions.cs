using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// The buttons the case's status allows. The approval on the proposed channel comes first and is the positive one; the
/// other channel is secondary. Inputs (reassign, reject, close, call outcome) are inline forms behind Action.ShowCard.
/// </summary>
internal static class CaseCardActions
{
    public const string CloseReasonInput = "closeReason";
    private const int MaxChoices = 100;

    public static List<CardAction>? Create(CaseCardContext context, IReadOnlyList<AssigneeChoice> members)
    {
        var (c, t) = (context.View.Case, context.Texts);
        var actions = new List<CardAction>();
        if (c.Status == CaseStatus.Proposed)
        {
            var proposed = c.Channel == CaseChannel.Phone ? CaseChannel.Phone : CaseChannel.Email;
            var other = proposed == CaseChannel.Phone ? CaseChannel.Email : CaseChannel.Phone;
            actions.Add(Approve(c, proposed, t) with { Style = "positive" });
            actions.Add(Approve(c, other, t));
            actions.Add(new ExecuteAction(t[nameof(AnalystText.CardActionEdit)], CardVerbs.Edit) { Data = CardVerbs.CaseData(c.Id, c.Version), AssociatedInputs = "none" });
        }

        if (c.Status == CaseStatus.DeliveryFailed)
        {
            actions.Add(new ExecuteAction(t[nameof(AnalystText.CardActionRetry)], CardVerbs.Retry) { Data = CardVerbs.CaseData(c.Id, c.Version), Style = "positive", AssociatedInputs = "none" });
            actions.AddRange(Mailbox.Channel.MailCardLines.Actions(c, t));
        }

        if (c.Status == CaseStatus.CallScheduled)
        {
            actions.Add(Form(t[nameof(AnalystText.CardActionCallDone)],
            [
                new InputChoiceSet([new Choice(t[nameof(AnalystText.CardCallReached)], "reached"), new Choice(t[nameof(AnalystText.CardCallNotReached)], "not_reached")])
                    { Id = "callOutcome", Label = t[nameof(AnalystText.CardCallOutcome)], Value = "reached", Style = "expanded", IsRequired = true, ErrorMessage = t[nameof(AnalystText.CardCallOutcomeMissing)] },
                new InputText { Id = "callNote", Label = t[nameof(AnalystText.CardCallNote)], IsMultiline = true, MaxLength = 1000 },
            ], new ExecuteAction(t[nameof(AnalystText.CardActionSaveOutcome)], CardVerbs.CallDone) { Data = CardVerbs.CaseData(c.Id, c.Version) }));
        }

        if (c.IsOpen && members.Count > 0)
        {
            actions.Add(Form(t[nameof(AnalystText.CardActionReassign)],
            [
                new InputChoiceSet([.. members.Take(context.L(MaxChoices)).Select(m => new Choice(CardText.Plain(m.Name, context.L(80)), m.Id))])
                    { Id = "assignee", Label = t[nameof(AnalystText.CardAssignTo)], Value = c.AssigneeId, IsRequired = true, ErrorMessage = t[nameof(AnalystText.CardAssignToMissing)] },
            ], new ExecuteAction(t[nameof(AnalystText.CardActionAssign)], CardVerbs.Reassign) { Data = CardVerbs.CaseData(c.Id, c.Version) }));
        }

        if (c.Status is CaseStatus.Notified or CaseStatus.CallScheduled)
        {
            actions.Add(Form(t[nameof(AnalystText.CardActionClose)],
            [
                new InputText { Id = CloseReasonInput, Label = t[nameof(AnalystText.CardReasonLabel)], IsMultiline = true, MaxLength = 1000, IsRequired = true, ErrorMessage = t[nameof(AnalystText.CardReasonMissing)] },
            ], new ExecuteAction(t[nameof(AnalystText.CardActionClose)], CardVerbs.Close) { Data = CardVerbs.CaseData(c.Id, c.Version) }));
        }

        if (c.Status == CaseStatus.Proposed)
        {
            actions.Add(Form(t[nameof(AnalystText.CardActionReject)],
            [
                new InputText { Id = "reason", Label = t[nameof(AnalystText.CardReasonLabel)], IsMultiline = true, MaxLength = 1000, IsRequired = true, ErrorMessage = t[nameof(AnalystText.CardReasonMissing)] },
            ], new ExecuteAction(t[nameof(AnalystText.CardActionReject)], CardVerbs.Reject) { Data = CardVerbs.CaseData(c.Id, c.Version), Style = "destructive" }));
        }

        return actions.Count == 0 ? null : actions;
    }

    private static ExecuteAction Approve(ThreatCase c, string channel, AnalystTexts t) =>
        new(t[channel == CaseChannel.Phone ? nameof(AnalystText.CardActionApprovePhone) : nameof(AnalystText.CardActionApproveEmail)], CardVerbs.Approve)
        {
            Data = CardVerbs.CaseData(c.Id, c.Version, channel),
            AssociatedInputs = "none",
        };

    /// <summary>One inline form, one button.</summary>
    private static ShowCardAction Form(string title, IReadOnlyList<CardElement> inputs, ExecuteAction submit) =>
        new(title, new AdaptiveCard(inputs) { Actions = [submit], Teams = null });
}
