using DtcNotify.Cli;

namespace DtcNotify.Hosting;

/// <summary>One executable, two faces: the bot service (<c>serve</c>, the default) and the operator CLI (architecture §4).</summary>
internal static class DtcNotifyProgram
{
    /// <param name="services">For tests: replaces services of CLI verbs (e.g. an HTTP handler trusting a local test CA).</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve")
        {
            await ServeAsync(args.Length > 0 && args[0] == "serve" ? args[1..] : args, configure);
            return 0;
        }

        return await CliRunner.RunAsync(args, console, configure, services);
    }

    private static async Task ServeAsync(string[] args, Action<IConfigurationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddAppSettingsBesideBinary(builder.Environment);
        configure?.Invoke(builder.Configuration);
        builder.AddDtcNotifyService();

        var app = builder.Build();
        app.UseDtcNotifyService();
        await app.RunAsync();
    }
}
