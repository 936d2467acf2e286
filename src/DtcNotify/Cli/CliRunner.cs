using DtcNotify.Database;
using DtcNotify.Hosting;

namespace DtcNotify.Cli;

/// <summary>Runs one operator verb against the same configuration and database as the service.</summary>
internal static class CliRunner
{
    public const string Usage = """
        usage: dtcnotify [serve]
               dtcnotify migrate
               dtcnotify registry import FILE [--json]
               dtcnotify ingest FILE --source NAME [--format F] [--kind K] [--threat ID] [--report TYPE] [--force] [--json]
               dtcnotify cases [--status STATUS] [--json]
               dtcnotify lookup QUERY [--json]
               dtcnotify teams package [--out FILE]
               dtcnotify digest [--json] [--post [--force]]
        """;

    public static async Task<int> RunAsync(string[] args, CliConsole console, Action<IConfigurationBuilder>? configure)
    {
        try
        {
            // "-v" (short for --verbose) anywhere: the verb's log at Information too.
            var shortVerbose = args.Contains("-v");
            var arguments = CliArguments.Parse([.. args.Where(a => a != "-v")]);
            // Posting the digest needs the bot's connector, and with it a valid Bot section; nothing else does.
            var withBot = arguments.Positional.FirstOrDefault() == "digest" && arguments.Has("--post");
            using var host = CliHost.Build(configure, arguments.Has("--verbose") || shortVerbose, withBot);
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            var verb = string.Join(' ', arguments.Positional.Take(2));
            return arguments.Positional.FirstOrDefault() switch
            {
                "migrate" => await MigrateAsync(host.Services, console, cancel.Token),
                "registry" when verb == "registry import" => await RegistryImportCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "ingest" => await IngestCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "cases" => await CasesCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "lookup" => await LookupCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "teams" when verb == "teams package" => await TeamsPackageCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "digest" => await DigestCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                _ => throw new CliUsageException($"unknown command '{string.Join(' ', args)}'\n{Usage}"),
            };
        }
        catch (CliUsageException ex)
        {
            await console.Error.WriteLineAsync($"dtcnotify: {ex.Message}");
            return ExitCodes.BadUsage;
        }
        catch (DtcNotify.Domain.Registry.RegistryFileException ex)
        {
            await console.Error.WriteLineAsync($"dtcnotify: {ex.Message}");
            return ExitCodes.BadUsage;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await console.Error.WriteLineAsync($"dtcnotify: configuration is invalid: {string.Join(" ", ex.Failures)}");
            return ExitCodes.BadUsage;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await console.Out.WriteLineAsync("database is up to date");
        return ExitCodes.Success;
    }
}
