using DtcNotify.Digest;
using DtcNotify.Mailbox.Processing;
using DtcNotify.Mailbox.Readers;

namespace DtcNotify.Mailbox.Hosting;

/// <summary>
/// One round over the mailbox, for the service's loop and for <c>mail inbox</c> alike: under the <c>mailbox</c> lease (so
/// several instances never read one mailbox at once and share one cursor), the configured reader hands every waiting
/// message to the processor, each in its own DI scope.
/// </summary>
internal sealed class MailboxPoller(IServiceScopeFactory scopes)
{
    public const string LeaseName = "mailbox";

    /// <summary>Longer than a round takes; a crashed holder's lease expires after it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(15);

    public string Holder { get; } = DtcNotify.Hosting.ClaimHolder.New();

    public async Task<MailboxSummary> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
        if (!await leases.TryAcquireAsync(LeaseName, Holder, LeaseDuration, ct))
        {
            return MailboxSummary.Empty with { Busy = true };
        }

        var summary = MailboxSummary.Empty;
        var reader = scope.ServiceProvider.GetRequiredService<IMailboxReader>();
        using var span = Telemetry.DtcNotifyTelemetry.ReadingMailbox(reader.Name);
        try
        {
            await reader.ReadAsync(async (mail, token) =>
            {
                await using var item = scopes.CreateAsyncScope();
                var result = await item.ServiceProvider.GetRequiredService<MailProcessor>().ProcessAsync(mail, token);
                summary = summary.Add(result);
                return result;
            }, ct);
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, Holder, CancellationToken.None);
        }

        return summary;
    }
}
