namespace DtcNotify.Hosting;

internal static class ConfigurationExtensions
{
    /// <summary>
    /// The shipped appsettings live beside the binary, while the working directory stays the operator's (so relative
    /// paths such as <c>data/</c> and CLI file arguments mean what they say). They go first: files in the working
    /// directory, environment variables and arguments still override them.
    /// </summary>
    public static void AddAppSettingsBesideBinary(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        var baseDirectory = AppContext.BaseDirectory;
        if (Path.GetFullPath(environment.ContentRootPath).TrimEnd('/') == Path.GetFullPath(baseDirectory).TrimEnd('/'))
        {
            return;
        }

        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(baseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(baseDirectory, $"appsettings.{environment.EnvironmentName}.json"), optional: true)
            .Build();
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = shipped.AsEnumerable().Where(kv => kv.Value is not null),
        });
    }
}
