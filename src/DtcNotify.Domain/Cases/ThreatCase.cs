using DtcNotify.Domain.Triage;

namespace DtcNotify.Domain.Cases;

/// <summary>
/// One open case per company × threat; observations from later imports attach to it. Status changes only through
/// methods that check the current status; <see cref="Version"/> is the optimistic-concurrency token analysts' actions carry.
/// </summary>
public sealed class ThreatCase
{
    public long Id { get; private set; }

    /// <summary>Human-readable id, e.g. <c>DTC-2026-000123</c>; set once the database has given the case its number.</summary>
    public string? Reference { get; set; }

    /// <summary>The reference of the case numbered <paramref name="id"/> in <paramref name="year"/>: <c>DTC-2026-000123</c>.</summary>
    public static string ReferenceFor(int year, long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"DTC-{year}-{id:D6}");

    public long CompanyId { get; init; }

    /// <summary>classification.identifier, else the first CVE, else <c>type:&lt;classification.type&gt;</c>; lower-case.</summary>
    public required string Threat { get; init; }

    public required string Kind { get; init; }

    public required string Severity { get; set; }

    public CaseStatus Status { get; private set; } = CaseStatus.New;

    public string? Suppression { get; private set; }

    public required string Channel { get; set; }

    public List<string> Measures { get; set; } = [];

    public required string Language { get; set; }

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>The triage outcome shown on the card: every criterion with the values it compared.</summary>
    public List<CriterionResult> Explanation { get; set; } = [];

    public int ObservationCount { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>The import that created the case (a batch card groups the cases of one import).</summary>
    public long? CreatedByImportId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>The thread that holds the case card in the specialists' channel (the conversation id with <c>;messageid=</c>).</summary>
    public string? ConversationId { get; private set; }

    /// <summary>The activity id of the card itself: the target of the in-place update (PUT).</summary>
    public string? ActivityId { get; private set; }

    public DateTimeOffset? PostedAt { get; private set; }

    /// <summary>The batch card that proposed this case, when its import proposed more than <c>Teams:MaxCardsPerImport</c>.</summary>
    public long? BatchId { get; private set; }

    /// <summary>Set while one app instance is posting the card; other instances skip the case until it expires.</summary>
    public DateTimeOffset? PostClaimedUntil { get; set; }

    public string? PostClaimedBy { get; set; }

    public string? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? RejectReason { get; private set; }

    /// <summary>The last human or system action, for the status line on the card ("approved by e-mail by Anna, 10:02").</summary>
    public string? LastAction { get; private set; }

    public string? LastActorName { get; private set; }

    public DateTimeOffset? LastActionAt { get; private set; }

    /// <summary>Why the last delivery failed (shown on the card with "Retry delivery").</summary>
    public string? DeliveryError { get; private set; }

    public int CallAttempts { get; private set; }

    /// <summary>Whether the warning worked (<see cref="RemediationStates"/>): null before the first notification, then set by later reports.</summary>
    public string? Remediation { get; set; }

    /// <summary>The source of the reports that decide <see cref="Remediation"/>: the case's source before its first notification.</summary>
    public string? RemediationSource { get; set; }

    /// <summary>The report key (e.g. <c>scan_ftp</c>) of those reports; only later imports with this key count.</summary>
    public string? RemediationReport { get; set; }

    /// <summary>The latest notification (the first warning or a follow-up); <see cref="NotifiedAt"/> stays the first warning's.</summary>
    public DateTimeOffset? LastNotifiedAt { get; set; }

    /// <summary>How the first warning went out (<c>email</c> or <c>phone</c>), shown on a follow-up's card.</summary>
    public string? NotifiedChannel { get; set; }

    /// <summary>Consecutive later reports that did not list the case (the absent streak).</summary>
    public int AbsentReports { get; set; }

    /// <summary>The time of the first report of the current absent streak; becomes <see cref="ResolvedAt"/>.</summary>
    public DateTimeOffset? FirstAbsentAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Follow-ups sent (not counting the first warning).</summary>
    public int FollowUps { get; set; }

    /// <summary>When the current or last follow-up was proposed to the analysts.</summary>
    public DateTimeOffset? FollowUpProposedAt { get; set; }

    /// <summary>The import that last changed <see cref="Remediation"/>, and what it did (<see cref="RemediationEvents"/>): the thread reply to post.</summary>
    public long? RemediationImportId { get; set; }

    public string? RemediationEvent { get; set; }

    /// <summary>How many addresses that import listed for the case (0 when it did not list it).</summary>
    public int RemediationAddresses { get; set; }

    /// <summary>The import whose remediation reply is in the thread; equal to <see cref="RemediationImportId"/> once posted.</summary>
    public long? RemediationPostedImportId { get; set; }

    /// <summary>Set while one app instance posts the remediation reply (see <c>ClaimHolder</c>).</summary>
    public DateTimeOffset? RemediationClaimedUntil { get; set; }

    public string? RemediationClaimedBy { get; set; }
    /// <summary>
    /// The intent to post, recorded (by the claim holder, renewing its claim) just before the thread is created. A case
    /// with an intent and no <see cref="ActivityId"/> may already have a thread, so it is never posted again blindly.
    /// </summary>
    public DateTimeOffset? PostAttemptedAt { get; set; }

    /// <summary>
    /// Set when a post may or may not have created the thread (the instance died mid-post, the connector timed out or
    /// answered unreadably): the Bot Connector cannot look a thread up, so the case waits for an analyst (<c>case &lt;id&gt;</c>)
    /// rather than risk a second thread.
    /// </summary>
    public DateTimeOffset? PostUncertainSince { get; set; }
    /// <summary>When the company last answered by e-mail (issue #18); shown on the card, and in the digest while no action followed it.</summary>
    public DateTimeOffset? LastReplyAt { get; set; }
    /// <summary>Why an analyst closed the case ("Close" on a notified or call-scheduled case).</summary>
    public string? CloseReason { get; private set; }

    /// <summary>Open cases collect new observations; closed and rejected ones do not.</summary>
    public bool IsOpen => Status is not (CaseStatus.Closed or CaseStatus.Rejected);

    /// <summary>
    /// Later observations attach to open cases, to resolved ones (which they may reopen) and to cases closed after a call
    /// while their remediation is tracked: one case, and one thread, per problem.
    /// </summary>
    public bool CollectsObservations => IsOpen || Status == CaseStatus.Closed && Remediation is not null;

    /// <summary>This proposal is a follow-up of an earlier warning (number <see cref="FollowUps"/> + 1).</summary>
    public bool IsFollowUp => NotifiedAt is not null && Status is CaseStatus.Proposed or CaseStatus.Approved or CaseStatus.DeliveryFailed;

    /// <summary>Until an analyst has seen it, a case follows the newest triage; afterwards a human owns the decision.</summary>
    public bool IsRetriageable => Status is CaseStatus.New or CaseStatus.Suppressed;

    public void ApplyTriage(TriageOutcome outcome, DateTimeOffset now)
    {
        if (!IsRetriageable)
        {
            throw new InvalidOperationException($"case {Reference} is {Status.ToName()}; triage no longer decides it");
        }

        Explanation = [.. outcome.Results];
        Suppression = outcome.Suppression;
        Channel = outcome.Channel;
        Status = outcome.Suppression is null ? CaseStatus.New : CaseStatus.Suppressed;
        Touch(now);
    }

    public void AddObservations(int count, DateTimeOffset? first, DateTimeOffset? last, DateTimeOffset now)
    {
        ObservationCount += count;
        FirstSeen = Min(FirstSeen, first);
        LastSeen = Max(LastSeen, last);
        Touch(now);
    }

    /// <summary>The card is in the channel: from now on an analyst decides.</summary>
    public void MarkProposed(string conversationId, string activityId, long? batchId, DateTimeOffset now)
    {
        Require(CaseStatus.New);
        ConversationId = conversationId;
        ActivityId = activityId;
        BatchId = batchId;
        PostedAt = now;
        PostClaimedUntil = null;
        PostClaimedBy = null;
        PostUncertainSince = null;
        Status = CaseStatus.Proposed;
        Record("proposed", null, now);
    }

    /// <summary>A case proposed on a batch card gets its own card later (the <c>case</c> command); this records where.</summary>
    public void AttachCard(string conversationId, string activityId)
    {
        ConversationId = conversationId;
        ActivityId = activityId;
    }

    public void Approve(string channel, CaseActor analyst, DateTimeOffset now)
    {
        Require(CaseStatus.Proposed);
        if (channel is not (CaseChannel.Email or CaseChannel.Phone))
        {
            throw new ArgumentException($"unknown channel '{channel}'", nameof(channel));
        }

        Channel = channel;
        Status = CaseStatus.Approved;
        ApprovedById = analyst.Id;
        ApprovedByName = analyst.Name;
        ApprovedAt = now;
        DeliveryError = null;
        if (channel == CaseChannel.Phone)
        {
            // The call task is the approving analyst's (Planner/To Do assign it to them): the case is theirs now.
            AssigneeId = analyst.Id;
            AssigneeName = analyst.Name;
        }

        Record(channel == CaseChannel.Phone ? "approved by phone" : "approved by e-mail", analyst, now);
    }

    public void Reject(string reason, CaseActor analyst, DateTimeOffset now)
    {
        Require(CaseStatus.Proposed);
        RejectReason = reason;
        Status = CaseStatus.Rejected;
        Record("rejected", analyst, now);
    }

    public void EditMeasures(IReadOnlyList<string> measures, CaseActor analyst, DateTimeOffset now)
    {
        Require(CaseStatus.Proposed);
        Measures = [.. measures];
        Record("edited the measures", analyst, now);
    }

    public void Reassign(string? assigneeId, string? assigneeName, CaseActor analyst, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new CaseStateException(this, "reassign");
        }

        AssigneeId = assigneeId;
        AssigneeName = assigneeName;
        Record(assigneeName is null ? "unassigned" : $"assigned to {assigneeName}", analyst, now);
    }

    public void MarkNotified(DateTimeOffset now)
    {
        Require(CaseStatus.Approved);
        Status = CaseStatus.Notified;
        RecordNotification(CaseChannel.Email, now);
        DeliveryError = null;
        Record("notified by e-mail", null, now);
    }

    public void MarkCallScheduled(DateTimeOffset now)
    {
        Require(CaseStatus.Approved);
        Status = CaseStatus.CallScheduled;
        RecordNotification(CaseChannel.Phone, now);
        CallAttempts++;
        DeliveryError = null;
        Record("call scheduled", null, now);
    }

    public void MarkDeliveryFailed(string error, DateTimeOffset now)
    {
        Require(CaseStatus.Approved);
        Status = CaseStatus.DeliveryFailed;
        DeliveryError = error;
        Record("delivery failed", null, now);
    }

    /// <summary>
    /// A later report of the case's kind listed it again (<paramref name="addresses"/> distinct addresses): the warning has
    /// not worked (yet), the absent streak ends, and a resolved case is reopened on its own card. Returns true when reopened.
    /// </summary>
    public bool RecordSighting(long importId, int addresses, DateTimeOffset now)
    {
        var reopened = Status == CaseStatus.Resolved;
        if (reopened)
        {
            Status = CaseStatus.Notified;
            ResolvedAt = null;
            Record("reopened: seen again", null, now);
        }

        Remediation = RemediationStates.StillSeen;
        RemediationEvent = reopened ? RemediationEvents.Reopened : RemediationEvents.StillSeen;
        (AbsentReports, FirstAbsentAt, RemediationImportId, RemediationAddresses) = (0, null, importId, addresses);
        return reopened;
    }

    /// <summary>A permanent bounce of the e-mail that notified the case: the company was not reached after all.</summary>
    public void MarkBounced(string error, DateTimeOffset now)
    {
        Require(CaseStatus.Notified);
        Status = CaseStatus.DeliveryFailed;
        DeliveryError = error;
        Record("delivery failed: bounced", null, now);
    }

    /// <summary>"Retry delivery": back to approved; the caller creates the new notification in the same transaction.</summary>
    /// <param name="channel">Another channel than before (a bounced e-mail is followed up by phone), or null for the same.</param>
    public void RetryDelivery(CaseActor analyst, DateTimeOffset now, string? channel = null)
    {
        Require(CaseStatus.DeliveryFailed);
        if (channel is not null and not (CaseChannel.Email or CaseChannel.Phone))
        {
            throw new ArgumentException($"unknown channel '{channel}'", nameof(channel));
        }

        Channel = channel ?? Channel;
        Status = CaseStatus.Approved;
        DeliveryError = null;
        Record("retried delivery", analyst, now);
    }

    /// <summary>"Call done": reached closes the case (and counts as notified for the cooldown); not reached asks for another call.</summary>
    public void RecordCallOutcome(bool reached, CaseActor analyst, DateTimeOffset now)
    {
        Require(CaseStatus.CallScheduled);
        if (reached)
        {
            Status = CaseStatus.Closed;
            Record("call done: reached", analyst, now);
        }
        else
        {
            Status = CaseStatus.Approved;
            Record("call done: not reached, new call planned", analyst, now);
        }
    }

    /// <summary>"Close": the company was notified (or the call is no longer needed) and the analyst is done, for <paramref name="reason"/>.</summary>
    public void Close(CaseActor analyst, DateTimeOffset now, string? reason = null)
    {
        if (Status is not (CaseStatus.Notified or CaseStatus.CallScheduled))
        {
            throw new CaseStateException(this, $"expected {CaseStatus.Notified.ToName()} or {CaseStatus.CallScheduled.ToName()}");
        }

        Status = CaseStatus.Closed;
        CloseReason = reason;
        Record("closed", analyst, now);
    }

    /// <summary>
    /// The first warning starts remediation tracking (<c>awaiting</c> the next report); a follow-up sent counts once (a
    /// call that was not reached and is planned again is the same follow-up).
    /// </summary>
    private void RecordNotification(string channel, DateTimeOffset now)
    {
        if (NotifiedAt is null)
        {
            NotifiedAt = now;
            NotifiedChannel = channel;
            Remediation = RemediationStates.Awaiting;
        }
        else if (FollowUpProposedAt is { } proposed && (LastNotifiedAt is not { } last || proposed > last))
        {
            FollowUps++;
        }

        LastNotifiedAt = now;
    }

    private void Require(CaseStatus expected)
    {
        if (Status != expected)
        {
            throw new CaseStateException(this, $"expected {expected.ToName()}");
        }
    }

    private void Record(string action, CaseActor? actor, DateTimeOffset now)
    {
        LastAction = action;
        LastActorName = actor?.Name;
        LastActionAt = now;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>The Traffic Light Protocol of the case: the most restrictive of its observations' (see <see cref="Sharing.TlpLevel"/>).</summary>
    public string? Tlp { get; private set; }

    /// <summary>Observations under <paramref name="level"/> attached: the case is shared as restrictively as its strictest one.</summary>
    public void RaiseTlp(string? level) => Tlp = Sharing.TlpLevel.MostRestrictive(Tlp, level);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
