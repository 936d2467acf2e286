using DtcNotify.Data;
using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Graph;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.Text;

namespace DtcNotify.Delivery;

/// <summary>
/// Sends what analysts approved: claims pending notifications one at a time (atomically, so several instances can
/// share the database), delivers each by its channel, records the outcome on the notification and the case, and tells
/// the channel.
/// <para>
/// Never twice: a row is delivered only by the dispatcher that claimed it. A failure before anything left releases it
/// for a later attempt (bounded by <see cref="MaxAttempts"/>); a refusal or an ambiguous failure (timeout after the
/// request left) marks it failed and the case <c>delivery_failed</c>, for an analyst to decide ("Retry delivery").
/// A row still <c>sending</c> after <see cref="InterruptedAfter"/> belonged to a dispatcher that died: it is marked
/// failed "interrupted; delivery state unknown", never resent blindly.
/// </para>
/// </summary>
internal sealed partial class NotificationDispatcher(
    IServiceScopeFactory scopes,
    DeliveryCarriers carriers,
    NotificationContentLoader loader,
    GraphConnection graph,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Options.TeamsOptions> teams,
    ILogger<NotificationDispatcher> logger)
{
    private Resources.AnalystTexts Texts => teams.Value.Texts;

    public const string Interrupted = "interrupted; delivery state unknown";

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>The least <see cref="InterruptedAfter"/>, and the margin on top of Graph's worst case (sign-in, database, SMTP).</summary>
    public static readonly TimeSpan InterruptedMargin = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Longer than any delivery can take, so a live delivery on another instance is never declared interrupted (which
    /// would invite "Retry delivery" and a second task). Derived from the Graph settings rather than renewing the claim
    /// while delivering (a heartbeat): no extra writes or timers, and correct by construction because
    /// <c>Graph:TimeoutSeconds</c> is capped. Worst case (7 Planner calls, 120 s timeout) is about 77 min + margin.
    /// </summary>
    public TimeSpan InterruptedAfter { get; } = graph.WorstCaseDelivery + InterruptedMargin;

    public const int MaxAttempts = 5;

    /// <summary>A postponed row waits this long times 2^(attempts-1) before this dispatcher claims it again (30 s, 1, 2, 4 min).</summary>
    public static readonly TimeSpan PostponeBase = TimeSpan.FromSeconds(30);

    // Per instance: another instance may pick a postponed row up sooner, which only means an earlier (safe) attempt.
    private readonly Dictionary<long, DateTimeOffset> _notBefore = [];

    /// <summary>This dispatcher's claim mark: machine, process and a random part (two dispatchers never share it).</summary>
    public string Holder { get; } = Hosting.ClaimHolder.New();

    /// <summary>One pass: recover interrupted rows, then deliver until nothing is pending. Returns how many were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await RecoverInterruptedAsync(cancellationToken);
        var handled = 0;
        while (await DeliverNextAsync(cancellationToken))
        {
            handled++;
        }

        return handled;
    }

    private async Task RecoverInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        var now = clock.GetUtcNow();
        foreach (var row in await NotificationOutbox.InterruptedAsync(db, now - InterruptedAfter, cancellationToken))
        {
            var transport = row.Transport ?? TransportFor(row);
            var deadHolder = row.ClaimedBy ?? "";
            row.MarkFailed(transport, Interrupted, now);
            if (await NotificationOutbox.FinishAsync(db, row, deadHolder, c => c.MarkDeliveryFailed(Interrupted, now), "notification.interrupted", now, cancellationToken))
            {
                Log.InterruptedFound(logger, row.PublicId, PrintableText.Safe(deadHolder));
                await TellChannelAsync(row.CaseId, ThreadReplies.Failed(Texts, row, transport, Interrupted), cancellationToken);
            }
        }
    }

    private async Task<bool> DeliverNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        var claimAt = clock.GetUtcNow();
        long[] skip;
        lock (_notBefore)
        {
            foreach (var due in _notBefore.Where(p => p.Value <= claimAt).Select(p => p.Key).ToList())
            {
                _notBefore.Remove(due);
            }

            skip = [.. _notBefore.Keys];
        }

        var claimed = await NotificationOutbox.ClaimNextAsync(db, Holder, claimAt, cancellationToken, skip);
        if (claimed is null)
        {
            return false;
        }

        var transport = TransportFor(claimed);
        using var span = Telemetry.DtcNotifyTelemetry.Delivering(claimed.PublicId, transport, claimed.Channel);
        DeliveryReceipt receipt;
        try
        {
            var work = await loader.LoadAsync(db, claimed, clock.GetUtcNow(), cancellationToken);
            claimed.DueAt = work.Call?.DueAt;
            var composed = work.Mail is { } mail ? carriers.Composer.Compose(mail) : null;
            claimed.ContentSha256 = DeliveredContent.Sha256(composed, work.Call);
            receipt = composed is not null
                ? await carriers.Mail.SendAsync(composed, cancellationToken)
                : await carriers.Calls.CreateAsync(work.Call!, cancellationToken);
        }
        catch (DeliveryFailureException failure)
        {
            await RecordFailureAsync(db, claimed, transport, failure.Kind, failure.Message, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unknown territory: assume the worst (it may have left).
            await RecordFailureAsync(db, claimed, transport, DeliveryFailureKind.Ambiguous, $"{e.GetType().Name}: {e.Message}", cancellationToken);
            return true;
        }

        // From here the delivery happened: record it even if shutdown is under way.
        var now = clock.GetUtcNow();
        claimed.MarkSent(receipt.Transport, receipt.ExternalId, now);
        var isCall = claimed.Channel == CaseChannel.Phone;
        var recorded = await NotificationOutbox.FinishAsync(
            db, claimed, Holder, c => { if (isCall) { c.MarkCallScheduled(now); } else { c.MarkNotified(now); } },
            isCall ? "notification.call_scheduled" : "notification.sent", now, CancellationToken.None);
        if (!recorded)
        {
            Log.ClaimLost(logger, claimed.PublicId);
            return true;
        }

        var shownId = PrintableText.Safe(receipt.ExternalId ?? "");
        Log.Delivered(logger, claimed.PublicId, receipt.Transport, shownId);
        Telemetry.DtcNotifyTelemetry.Delivered(receipt.Transport, "sent");
        var reply = isCall ? ThreadReplies.CallScheduled(Texts, claimed, receipt, claimed.DueAt ?? now) : ThreadReplies.Sent(Texts, claimed, receipt, now);
        await TellChannelAsync(claimed.CaseId, reply, CancellationToken.None);
        return true;
    }

    private async Task RecordFailureAsync(
        DtcNotifyDbContext db, Notification claimed, string transport, DeliveryFailureKind kind, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        error = error.Length > 900 ? error[..900] : error;
        if (kind == DeliveryFailureKind.NotSent && claimed.Attempts < MaxAttempts)
        {
            claimed.Release(error);
            lock (_notBefore)
            {
                _notBefore[claimed.Id] = now + PostponeBase * Math.Pow(2, claimed.Attempts - 1);
            }

            if (await NotificationOutbox.FinishAsync(db, claimed, Holder, null, "notification.postponed", now, CancellationToken.None))
            {
                Log.Postponed(logger, claimed.PublicId, transport, claimed.Attempts, PrintableText.Safe(error));
                Telemetry.DtcNotifyTelemetry.Delivered(transport, "postponed");
                await TellChannelAsync(claimed.CaseId, ThreadReplies.Postponed(Texts, claimed, transport, error), cancellationToken);
            }

            return;
        }

        claimed.MarkFailed(transport, error, now);
        if (await NotificationOutbox.FinishAsync(db, claimed, Holder, c => c.MarkDeliveryFailed(error, now), "notification.failed", now, CancellationToken.None))
        {
            Log.Failed(logger, claimed.PublicId, transport, kind.ToString(), PrintableText.Safe(error));
            Telemetry.DtcNotifyTelemetry.Delivered(transport, "failed");
            await TellChannelAsync(claimed.CaseId, ThreadReplies.Failed(Texts, claimed, transport, error), cancellationToken);
        }
    }

    private string TransportFor(Notification notification) =>
        notification.Channel == CaseChannel.Phone ? carriers.Calls.Name : carriers.Mail.Name;

    private async Task TellChannelAsync(long caseId, string reply, CancellationToken cancellationToken)
    {
        // Resolved per call so the card feature may register its notifier scoped (it uses the database and the connector).
        await using var scope = scopes.CreateAsyncScope();
        foreach (var notifier in scope.ServiceProvider.GetServices<ICaseChannelNotifier>())
        {
            try
            {
                await notifier.PublishAsync(caseId, reply, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The delivery is recorded; the card catches up at its next refresh.
                Log.ChannelUpdateFailed(logger, caseId, e);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Notification {Notification} delivered via {Transport} ({ExternalId})")]
        public static partial void Delivered(ILogger logger, Guid notification, string transport, string externalId);

        [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Notification {Notification} via {Transport} did not go out (attempt {Attempt}); will try again: {Error}")]
        public static partial void Postponed(ILogger logger, Guid notification, string transport, int attempt, string error);

        [LoggerMessage(EventId = 2403, Level = LogLevel.Error, Message = "Notification {Notification} via {Transport} failed ({Kind}); an analyst decides: {Error}")]
        public static partial void Failed(ILogger logger, Guid notification, string transport, string kind, string error);

        [LoggerMessage(EventId = 2404, Level = LogLevel.Error, Message = "Notification {Notification} was left in sending by {Holder}: marked failed, delivery state unknown")]
        public static partial void InterruptedFound(ILogger logger, Guid notification, string holder);

        [LoggerMessage(EventId = 2405, Level = LogLevel.Error, Message = "Notification {Notification} was delivered but its claim had been taken over; the outcome was not recorded")]
        public static partial void ClaimLost(ILogger logger, Guid notification);

        [LoggerMessage(EventId = 2406, Level = LogLevel.Warning, Message = "Updating the card of case {CaseId} after a delivery failed")]
        public static partial void ChannelUpdateFailed(ILogger logger, long caseId, Exception exception);
    }
}
