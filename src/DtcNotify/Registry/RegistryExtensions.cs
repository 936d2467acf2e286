namespace DtcNotify.Registry;

internal static class RegistryExtensions
{
    /// <summary>The registry import (CLI <c>registry import</c>), shared by the service and the CLI.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services) => services.AddScoped<RegistryImporter>();
}
