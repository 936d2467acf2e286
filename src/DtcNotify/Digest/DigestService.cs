namespace DtcNotify.Digest;

/// <summary>The digest as of now: the window from the schedule, the facts from the database, the report from the builder.</summary>
internal sealed class DigestService(DigestSchedule schedule, DigestFactsQuery facts, Remediation.RemediationDigestQuery remediation, Data.DtcNotifyDbContext db, Domain.Playbook.ThreatPlaybook playbook, TimeProvider clock, Mailbox.Channel.MailDigestQuery mail)
{
    public async Task<DigestReport> BuildAsync(CancellationToken cancellationToken) => await BuildAsync(clock.GetUtcNow(), cancellationToken);

    public async Task<DigestReport> BuildAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = schedule.Window(now);
        return DigestBuilder.Build(await facts.LoadAsync(window, cancellationToken), window) with
        {
            Remediation = await remediation.LoadAsync(window, cancellationToken),
            Shadowserver = await ShadowserverDigestSection.LoadAsync(db, playbook, cancellationToken),
            Mail = await mail.LoadAsync(window, cancellationToken),
            PostingUncertain = await Cases.Posting.UncertainPostingDigest.LoadAsync(db, cancellationToken),
        };
    }
}
