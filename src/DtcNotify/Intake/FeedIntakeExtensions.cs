using DtcNotify.Intake.Http;
using DtcNotify.Intake.Inbox;

namespace DtcNotify.Intake;

/// <summary>The two intake paths besides the CLI: the inbox folder (<c>Feeds:InboxDirectory</c>) and <c>POST /api/feeds/{source}</c>.</summary>
internal static class FeedIntakeExtensions
{
    /// <summary>The import of a feed file (CLI <c>ingest</c>, the inbox and the HTTP intake all go through it).</summary>
    public static IServiceCollection AddIngest(this IServiceCollection services) => services.AddScoped<IngestService>();

    public static IServiceCollection AddFeedIntake(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyVerifier>();

        // Always registered: the watcher reads Feeds:InboxDirectory from options when it starts and idles when it is empty,
        // so configuration added late (tests, environment) counts, as for the database provider.
        services.AddHostedService<FeedInboxWatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeedIntake(this IEndpointRouteBuilder app)
    {
        app.MapFeedUploads();
        return app;
    }
}
