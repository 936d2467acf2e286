namespace DtcNotify.Export;

internal static class ExportExtensions
{
    /// <summary>The access-request export (CLI <c>export company</c>).</summary>
    public static IServiceCollection AddCompanyExport(this IServiceCollection services)
    {
        services.AddScoped<CompanyExport>();
        return services;
    }
}
