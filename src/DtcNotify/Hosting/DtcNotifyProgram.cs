using DtcNotify.Cli;
using Microsoft.Extensions.Options;

namespace DtcNotify.Hosting;

/// <summary>One executable, two faces: the bot service (<c>serve</c>, the default) and the operator CLI (architecture §4).</summary>
internal static class DtcNotifyProgram
{
    /// <param name="services">For tests: replaces services of CLI verbs (e.g. an HTTP handler trusting a local test CA).</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        if (CliRunner.IsHelp(args))
        {
            await console.Out.WriteLineAsync(CliRunner.Usage);
            return ExitCodes.Success;
        }

        // Options (e.g. --urls) without a verb are the service's, as they are for any ASP.NET Core app.
        if (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve")
        {
            return await ServeAsync(args.Length > 0 && args[0] == "serve" ? args[1..] : args, console, configure);
        }

        return await CliRunner.RunAsync(args, console, configure, services);
    }

    private static async Task<int> ServeAsync(string[] args, CliConsole console, Action<IConfigurationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddAppSettingsBesideBinary(builder.Environment);
        configure?.Invoke(builder.Configuration);
        builder.AddDtcNotifyService();

        var app = builder.Build();
        try
        {
            // Every option before anything starts: all bad keys at once, and no half-started host logging a stack trace.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception e) when (ConfigurationErrors.Describe(e) is { } lines)
        {
            await app.DisposeAsync();
            return await ConfigurationErrors.PrintAsync(lines, console.Error);
        }

        app.UseDtcNotifyService();
        await app.RunAsync();
        return ExitCodes.Success;
    }
}
