namespace DtcNotify.Delivery;

/// <summary>
/// The single call site from delivery back into the channel: re-render the case card in place and reply in its thread.
/// Implemented by the case-card feature (<see cref="Cases.Cards.CaseCardUpdater"/>, registered by <c>AddCaseCards</c>);
/// the CLI host has no channel and registers none, so there the outcome is recorded in the database only.
/// </summary>
internal interface ICaseChannelNotifier
{
    /// <param name="threadReply">Plain text (not yet escaped for a card): what was sent to whom, when, by which transport.</param>
    Task PublishAsync(long caseId, string threadReply, CancellationToken cancellationToken);
}
