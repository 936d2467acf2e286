using DtcNotify.Delivery;
using DtcNotify.Intake.Inbox;
using DtcNotify.Mailbox.Channel;
using DtcNotify.Mailbox.Hosting;
using DtcNotify.Mailbox.Processing;
using DtcNotify.Mailbox.Readers;
using DtcNotify.Options;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace DtcNotify.Mailbox;

internal static class MailboxExtensions
{
    /// <summary>Reading the mailbox once (<c>mail inbox</c>, and the service's loop) and its digest part: CLI and service.</summary>
    public static IServiceCollection AddMailbox(this IServiceCollection services)
    {
        services.AddGraphClient();
        services.AddSingleton<FileStability>();
        services.AddSingleton<MailboxPoller>();
        services.AddScoped<MailboxCursorStore>();
        services.AddScoped<MailCaseMatcher>();
        services.AddScoped<MailEffects>();
        services.AddScoped<MailProcessor>();
        services.AddScoped<MailDigestQuery>();
        services.AddScoped<IMailboxReader>(sp =>
        {
            var inbox = sp.GetRequiredService<IOptions<MailOptions>>().Value.Inbox;
            var mailbox = sp.GetRequiredService<IOptions<MailOptions>>().Value.From;
            return inbox.Kind switch
            {
                MailInboxTransport.Graph => new GraphMailboxReader(sp.GetRequiredService<GraphServiceClient>(), mailbox!, inbox.ProcessedFolder, inbox.MaxMessageBytes, sp.GetRequiredService<MailboxCursorStore>()),
                MailInboxTransport.Imap => new ImapMailboxReader(inbox.Imap, inbox.ProcessedFolder, inbox.MaxMessageBytes, sp.GetRequiredService<MailboxCursorStore>()),
                MailInboxTransport.Pickup => new PickupMailboxReader(inbox.PickupDirectory, inbox.MaxMessageBytes, sp.GetRequiredService<FileStability>(), sp.GetRequiredService<TimeProvider>()),
                _ => throw new InvalidOperationException("Mail:Inbox:Transport is empty: reading the mailbox is switched off"),
            };
        });
        return services;
    }

    /// <summary>The service's loops: reading the mailbox on its schedule (when a transport is configured) and posting what it found to the case threads.</summary>
    public static IServiceCollection AddMailboxService(this IServiceCollection services)
    {
        services.AddHostedService<MailboxService>();
        services.AddHostedService<MailThreadPoster>();
        return services;
    }
}
