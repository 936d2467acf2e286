using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Graph;
using DtcNotify.Delivery.Mail;
using DtcNotify.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace DtcNotify.Delivery;

internal static class DeliveryHostingExtensions
{
    public const string GraphHttpClientName = "Graph";

    /// <summary>The outbox dispatcher and the transports chosen by <c>Mail:Transport</c> and <c>CallTasks:Provider</c>.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSingleton(_ => OfficeHours.Amsterdam());
        services.AddSingleton<NotificationContentLoader>();
        services.AddGraphClient();
        services.AddSingleton(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            var calls = sp.GetRequiredService<IOptions<CallTasksOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            var sender = new MailSender(mail.From, string.IsNullOrWhiteSpace(mail.ReplyTo) ? null : mail.ReplyTo, mail.FromName);
            return new DeliveryCarriers(
                new MailComposer(new DtcContactDetails(mail.ContactFormUrl, mail.ContactPhone)),
                new Lazy<IMailTransport>(() => mail.Transport switch
                {
                    MailTransport.Graph => new GraphMailTransport(sp.GetRequiredService<GraphServiceClient>(), sender, clock),
                    MailTransport.Smtp => new SmtpMailTransport(
                        new SmtpSettings(mail.Smtp.Host!, mail.Smtp.Port, mail.Smtp.UserName, mail.Smtp.Password, mail.Smtp.UseTls, TimeSpan.FromSeconds(60)), sender, clock),
                    _ => new PickupMailTransport(mail.PickupDirectory, sender, clock),
                }),
                new Lazy<ICallTaskTransport>(() => calls.Provider switch
                {
                    CallTaskProvider.Planner => new PlannerCallTasks(sp.GetRequiredService<GraphServiceClient>(), calls.PlanId!, calls.BucketId!),
                    CallTaskProvider.ToDo => new ToDoCallTasks(sp.GetRequiredService<GraphServiceClient>(), calls.ToDoListOwner!, calls.ToDoListId!),
                    _ => new PickupCallTasks(calls.PickupDirectory),
                }));
        });
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<NotificationDispatcherService>();
        return services;
    }

    /// <summary>The app's one Graph client (mail, call tasks, the mailbox reader); registered once whoever asks first.</summary>
    public static IServiceCollection AddGraphClient(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return new GraphConnection(graph.BaseUrl, graph.TenantId, graph.ClientId, graph.ClientSecret, TimeSpan.FromSeconds(graph.TimeoutSeconds));
        });
        services.AddHttpClient(GraphHttpClientName);
        services.TryAddSingleton(sp => GraphClientBuilder.Create(
            sp.GetRequiredService<GraphConnection>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("DtcNotify.Delivery.Graph"),
            // From the factory, like every outgoing client: it carries the app-wide no-redirect rule (NoAutoRedirects).
            sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GraphHttpClientName)));
        return services;
    }
}
