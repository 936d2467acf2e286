using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal static class OptionsExtensions
{
    /// <summary>Binds every section of architecture §4 and validates it when the host starts, so a bad key stops start-up with its name.</summary>
    public static IServiceCollection AddDtcNotifyOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("DtcNotify") ?? o.ConnectionString)
            .ValidateOnStart();
        services.AddValidated<TeamsOptions, TeamsOptionsValidator>(configuration, TeamsOptions.Section);
        services.AddValidated<MailOptions, MailOptionsValidator>(configuration, MailOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailInboxOptionsValidator>());
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section));
        services.AddValidated<CallTasksOptions, CallTasksOptionsValidator>(configuration, CallTasksOptions.Section);
        services.AddValidated<DigestOptions, DigestOptionsValidator>(configuration, DigestOptions.Section);
        services.AddValidated<TriageOptions, TriageOptionsValidator>(configuration, TriageOptions.Section);
        services.AddValidated<FeedsOptions, FeedsOptionsValidator>(configuration, FeedsOptions.Section);
        services.AddValidated<RetentionOptions, RetentionOptionsValidator>(configuration, RetentionOptions.Section);
        services.AddValidated<RemediationOptions, RemediationOptionsValidator>(configuration, RemediationOptions.Section);
        services.AddOptions<SourcesOptions>().Configure(o => configuration.GetSection(SourcesOptions.Section).Bind(o.Sources)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>());
        return services;
    }

    private static void AddValidated<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
