using DtcNotify.Hosting;
using DtcNotify.Teams.Hosting;

namespace DtcNotify.Cli;

/// <summary><c>teams package [--out FILE]</c>: the Teams app zip with the configured bot's app id filled in.</summary>
internal static class TeamsPackageCommand
{
    /// <summary>Relative to the working directory; artifacts/ is git-ignored.</summary>
    public const string DefaultOut = "artifacts/dtcnotify-teams.zip";

    private const string AppIdKey = $"{BotOptions.SectionName}:{nameof(BotOptions.AppId)}";

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--out");
        if (args.Positional.Count != 2)
        {
            throw new CliUsageException($"usage: dtcnotify teams package [--out FILE]   (default {DefaultOut})");
        }

        var appId = ReadAppId(services.GetRequiredService<IConfiguration>());
        var path = Path.GetFullPath(args.Get("--out") ?? DefaultOut);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
            await TeamsAppPackage.WriteAsync(appId, file, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot write: {ex.Message}");
        }

        await console.Out.WriteLineAsync($"{path}: {string.Join(", ", TeamsAppPackage.Files)} (app id and bot id {appId:D})");
        return ExitCodes.Success;
    }

    // The package is useless without the real id: Teams routes the bot and the search extension to it.
    private static Guid ReadAppId(IConfiguration configuration)
    {
        var value = configuration[AppIdKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliUsageException($"{AppIdKey} is not set: the package needs the bot's Entra app id (a GUID)");
        }

        if (!Guid.TryParse(value, out var appId))
        {
            throw new CliUsageException($"{AppIdKey} is not a GUID: set it to the bot's Entra app id");
        }

        return appId != Guid.Empty ? appId
            : throw new CliUsageException($"{AppIdKey} is the all-zero placeholder: set it to the bot's Entra app id");
    }
}
