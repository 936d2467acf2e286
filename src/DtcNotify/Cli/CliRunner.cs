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
               dtcnotify purge [--dry-run] [--json]
               dtcnotify export company KVK [--out FILE]
               dtcnotify audit (--case REF | --company KVK) [--json]
               dtcnotify stats [--since YYYY-MM-DD] [--json]
               dtcnotify shadowserver schema update [--from FILE|URL] [--json]
               dtcnotify shadowserver collect [--date YYYY-MM-DD] [--json]
               dtcnotify mail inbox [--json]
               dtcnotify mail unmatched [--json]
        """;

    /// <summary>The verbs, by their first one or two words: an unknown one is refused before any configuration is read.</summary>
    private static readonly HashSet<string> Verbs = ["migrate", "registry import", "ingest", "cases", "lookup", "teams package", "digest", "purge", "export company", "audit", "stats", "shadowserver schema", "shadowserver collect", "mail inbox", "mail unmatched"];

    public static bool IsHelp(IReadOnlyList<string> args) => args is ["help", ..] || args.Any(a => a is "--help" or "-h");

    public static async Task<int> RunAsync(string[] args, CliConsole console, Action<IConfigurationBuilder>? configure, Action<IServiceCollection>? services = null)
    {
        try
        {
            // "-v" (short for --verbose) anywhere: the verb's log at Information too.
            var shortVerbose = args.Contains("-v");
            var arguments = CliArguments.Parse([.. args.Where(a => a != "-v")]);
            if (!Verbs.Contains(arguments.Positional.FirstOrDefault() ?? "") && !Verbs.Contains(string.Join(' ', arguments.Positional.Take(2))))
            {
                throw new CliUsageException($"unknown command '{Text.PrintableText.Safe(string.Join(' ', args))}'\n{Usage}");
            }

            // Posting the digest needs the bot's connector, and with it a valid Bot section; nothing else does.
            var withBot = arguments.Positional.FirstOrDefault() == "digest" && arguments.Has("--post");
            using var host = CliHost.Build(configure, arguments.Has("--verbose") || shortVerbose, withBot, services);
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
                "purge" => await PurgeCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "export" when verb == "export company" => await ExportCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "audit" => await AuditCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "stats" => await StatsCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "shadowserver" => await ShadowserverCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                "mail" => await MailCommand.RunAsync(host.Services, arguments, console, cancel.Token),
                _ => throw new CliUsageException($"unknown command '{Text.PrintableText.Safe(string.Join(' ', args))}'\n{Usage}"),
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
        catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } lines)
        {
            return await ConfigurationErrors.PrintAsync(lines, console.Error);
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await console.Out.WriteLineAsync("database is up to date");
        return ExitCodes.Success;
    }
}
