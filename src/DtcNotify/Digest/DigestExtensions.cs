namespace DtcNotify.Digest;

internal static class DigestExtensions
{
    /// <summary>Building the digest (CLI and service).</summary>
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddSingleton<DigestSchedule>();
        services.AddScoped<DigestFactsQuery>();
        services.AddScoped<DigestService>();
        services.AddScoped<Remediation.RemediationDigestQuery>();
        services.AddScoped<LeaseStore>();
        return services;
    }

    /// <summary>Posting it: needs the bot's connector and channel registration (service, and <c>digest --post</c>).</summary>
    public static IServiceCollection AddDigestPosting(this IServiceCollection services, bool schedule)
    {
        services.AddScoped<DigestPublisher>();
        if (schedule)
        {
            services.AddHostedService<DigestScheduler>();
        }

        return services;
    }
}
