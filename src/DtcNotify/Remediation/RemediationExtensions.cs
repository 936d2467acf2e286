namespace DtcNotify.Remediation;

internal static class RemediationExtensions
{
    /// <summary>The service's part of remediation tracking: the thread replies and card updates after each later report.</summary>
    public static IServiceCollection AddRemediation(this IServiceCollection services)
    {
        services.AddHostedService<RemediationReplyPoster>();
        return services;
    }
}
