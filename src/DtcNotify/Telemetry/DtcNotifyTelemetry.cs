using System.Diagnostics;
using System.Diagnostics.Metrics;
using DtcNotify.Intake;
using DtcNotify.Text;

namespace DtcNotify.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> and one <see cref="Meter"/> named <c>DtcNotify</c> (issue #20 point 4), and the
/// few calls the pipeline makes into them. Attributes carry ids, counts, names of sources and transports, never a secret,
/// token, contact address or company data; untrusted values (file names, verbs) go through <see cref="UntrustedText"/>.
/// Without a listener (telemetry off) every call here costs a null check.
/// </summary>
internal static class DtcNotifyTelemetry
{
    public const string Name = "DtcNotify";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> ObservationsIngested = Meter.CreateCounter<long>("dtcnotify.observations.ingested", "{observation}", "Observations stored by feed imports");
    private static readonly Counter<long> CasesCreated = Meter.CreateCounter<long>("dtcnotify.cases.created", "{case}", "Cases created by feed imports, by status (new or suppressed)");
    private static readonly Counter<long> Notifications = Meter.CreateCounter<long>("dtcnotify.notifications", "{notification}", "Delivery outcomes: sent, postponed or failed, by transport");
    private static readonly Histogram<double> CardPostDuration = Meter.CreateHistogram<double>("dtcnotify.card.post.duration", "s", "Time to post one case or batch card: render, connector call and save");

    /// <summary>A span for one feed file; <see cref="Ingested"/> adds what came of it.</summary>
    public static Activity? Ingest(string source, string fileName) =>
        Source.StartActivity("ingest")?.SetTag("dtcnotify.source", source).SetTag("dtcnotify.file", UntrustedText.Clean(fileName, 200));

    public static void Ingested(Activity? span, IngestResult result)
    {
        span?.SetTag("dtcnotify.rows", result.Rows).SetTag("dtcnotify.observations", result.Observations).SetTag("dtcnotify.matched", result.Matched)
            .SetTag("dtcnotify.rejected", result.RejectedCount).SetTag("dtcnotify.duplicate", result.Duplicate)
            .SetTag("dtcnotify.cases.created", result.Cases.Created).SetTag("dtcnotify.cases.suppressed", result.Cases.Suppressed);
        var source = new KeyValuePair<string, object?>("dtcnotify.source", result.Source);
        ObservationsIngested.Add(result.Observations, source);
        CasesCreated.Add(result.Cases.Created, source, new("status", "new"));
        CasesCreated.Add(result.Cases.Suppressed, source, new("status", "suppressed"));
    }

    /// <summary>A span for posting one case card (or a batch card of <paramref name="caseCount"/> cases); its duration is also recorded as card post latency.</summary>
    public static CardPosting PostingCard(long? caseId, int caseCount = 1) =>
        new(Source.StartActivity("case.post")?.SetTag("dtcnotify.case.id", caseId).SetTag("dtcnotify.cases", caseCount), Stopwatch.GetTimestamp(), caseCount > 1);

    /// <summary>A span for one card action (approve, edit, reject, ...).</summary>
    public static Activity? CardAction(string verb, long? caseId) =>
        Source.StartActivity("card.action")?.SetTag("dtcnotify.card.verb", UntrustedText.Clean(verb, 40)).SetTag("dtcnotify.case.id", caseId);

    /// <summary>A span for one delivery from the outbox; <see cref="Delivered"/> records its outcome.</summary>
    public static Activity? Delivering(Guid notification, string transport, string channel) =>
        Source.StartActivity("notification.deliver")?.SetTag("dtcnotify.notification.id", notification.ToString("D"))
            .SetTag("dtcnotify.transport", transport).SetTag("dtcnotify.channel", channel);

    /// <summary><paramref name="outcome"/>: sent, postponed or failed; on the current delivery span and as a metric.</summary>
    public static void Delivered(string transport, string outcome)
    {
        Activity.Current?.SetTag("dtcnotify.outcome", outcome);
        if (outcome == "failed")
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error);
        }

        Notifications.Add(1, new KeyValuePair<string, object?>("dtcnotify.transport", transport), new("dtcnotify.outcome", outcome));
    }

    /// <summary>A span for one round over the mailbox (the service's or <c>mail inbox</c>'s) by the reader named <paramref name="reader"/>: Graph, Imap or Pickup.</summary>
    public static Activity? ReadingMailbox(string reader) => Source.StartActivity("mailbox.read")?.SetTag("dtcnotify.mailbox.reader", reader);

    /// <summary>A span for one run of the Shadowserver Reports API collector over the reports of <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Activity? CollectingShadowserver(DateOnly from, DateOnly to) =>
        Source.StartActivity("shadowserver.collect")?.SetTag("dtcnotify.shadowserver.from", from.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .SetTag("dtcnotify.shadowserver.to", to.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Ends the posting span and records the card post latency.</summary>
    public readonly struct CardPosting(Activity? span, long started, bool batch) : IDisposable
    {
        public void Dispose()
        {
            CardPostDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("dtcnotify.card", batch ? "batch" : "case"));
            span?.Dispose();
        }
    }
}
