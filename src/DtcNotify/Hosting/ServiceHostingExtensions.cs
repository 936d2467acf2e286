using DtcNotify.Audit;
using DtcNotify.Bot;
using DtcNotify.Cases;
using DtcNotify.Database;
using DtcNotify.Delivery;
using DtcNotify.Digest;
using DtcNotify.Export;
using DtcNotify.Domain.Playbook;
using DtcNotify.Feeds;
using DtcNotify.Intake;
using DtcNotify.Mailbox;
using DtcNotify.AssetIndexing;
using DtcNotify.Matching;
using DtcNotify.Demo;
using DtcNotify.Health;
using DtcNotify.Options;
using DtcNotify.Registry;
using DtcNotify.Retention;
using DtcNotify.Remediation;
using DtcNotify.Shadowserver;
using DtcNotify.Teams.Hosting;
using DtcNotify.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DtcNotify.Hosting;

/// <summary>One Add/Use pair per feature; Program.cs stays a few lines.</summary>
internal static class ServiceHostingExtensions
{
    /// <summary>What the service and the CLI share: options, database, clock and the domain services.</summary>
    public static IServiceCollection AddDtcNotifyCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddNoAutoRedirects();
        services.AddDtcNotifyOptions(configuration);
        services.AddDtcNotifyDatabase();
        services.AddRegistry();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton(_ => ThreatPlaybook.LoadDefault());
        services.AddShadowserver(configuration);
        services.AddLookup();
        services.AddIngest();
        services.AddDigest();
        services.AddRetention();
        services.AddAuditTrail();
        services.AddCompanyExport();
        services.AddMailbox();
        return services;
    }

    public static WebApplicationBuilder AddDtcNotifyService(this WebApplicationBuilder builder)
    {
        builder.Services.AddDtcNotifyCore(builder.Configuration);
        // Every loop survives its own failures (ResilientLoop); should one still escape, the bot keeps answering Teams.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddDtcBot(builder.Configuration);
        builder.Services.AddCommands();
        builder.Services.AddDigestPosting(schedule: true);
        builder.Services.AddFeedIntake();
        builder.Services.AddCaseCards();
        builder.Services.AddDelivery();
        builder.Services.AddDtcNotifyTelemetry(builder.Configuration);
        builder.Services.AddRetentionSchedule();
        builder.Services.AddRemediation();
        builder.Services.AddShadowserverSchedules();
        builder.Services.AddMailboxService();
        return builder;
    }

    public static WebApplication UseDtcNotifyService(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapBotMessages();
        app.MapFeedIntake();
        return app;
    }
}
