using DtcNotify.Bot;
using DtcNotify.Digest;
using DtcNotify.Hosting;
using Microsoft.Extensions.Options;

namespace DtcNotify.Cli;

/// <summary>A host without a web server for CLI verbs: same configuration sources and services, logs to stderr only.</summary>
internal static class CliHost
{
    public static IHost Build(Action<IConfigurationBuilder>? configure, bool verbose, bool withBot = false, Action<IServiceCollection>? services = null)
    {
        // The generic host's "environment" key may come from the caller's configuration too (as --environment would).
        var given = new ConfigurationManager();
        configure?.Invoke(given);
        var environment = given[HostDefaults.EnvironmentKey]
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        // No reload on change: a CLI run is short, and the watcher on the working directory woke for every write to a
        // SQLite file there (its WAL), about a CPU-second of a large import.
        var initial = new ConfigurationManager();
        initial.AddInMemoryCollection(new Dictionary<string, string?> { ["hostBuilder:reloadConfigOnChange"] = "false" });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = environment, Configuration = initial });
        builder.Configuration.AddAppSettingsBesideBinary(builder.Environment);
        configure?.Invoke(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        if (!verbose)
        {
            // appsettings' Logging:LogLevel (Information for the service) would otherwise win over the minimum level: a CLI
            // verb prints its result, and its log only warnings and errors unless -v.
            builder.Services.PostConfigure<LoggerFilterOptions>(filter =>
            {
                filter.Rules.Clear();
                filter.MinLevel = LogLevel.Warning;
            });
        }
        builder.Services.AddDtcNotifyCore(builder.Configuration);
        if (withBot)
        {
            builder.Services.AddDtcBot(builder.Configuration);
            builder.Services.AddDigestPosting(schedule: false);
        }

        // Not Development's build-time validation of every registration: the CLI registers the bot only to post (digest
        // --post), never to handle activities, so the handlers' own dependencies are not there and not needed.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions()));
        services?.Invoke(builder.Services);
        var host = builder.Build();

        // The service validates on start; the CLI never starts the host, so it validates here with the same validators.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }
}
