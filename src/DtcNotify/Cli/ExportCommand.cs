using DtcNotify.Domain.Companies;
using DtcNotify.Export;
using DtcNotify.Hosting;

namespace DtcNotify.Cli;

/// <summary><c>export company KVK [--out FILE]</c>: one JSON document of everything held about one company; exit 1 for an unknown KvK.</summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--out");
        if (args.Positional.Count != 3)
        {
            throw new CliUsageException("usage: dtcnotify export company KVK [--out FILE]");
        }

        var kvk = KvkNumber.Parse(args.Positional[2]);
        if (!kvk.IsValid)
        {
            throw new CliUsageException(kvk.Error!);
        }

        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<CompanyExport>().ExportAsync(kvk.Value!, cancellationToken);
        if (document is null)
        {
            await console.Error.WriteLineAsync($"dtcnotify: no company with KvK {kvk.Value}");
            return ExitCodes.NotFound;
        }

        if (args.Get("--out") is not { } path)
        {
            CliJson.Write(console.Out, document);
            return ExitCodes.Success;
        }

        // Written beside the target and renamed, so a reader never sees half an export.
        var temporary = path + ".tmp";
        await using (var writer = new StreamWriter(temporary))
        {
            CliJson.Write(writer, document);
        }

        File.Move(temporary, path, overwrite: true);
        await console.Out.WriteLineAsync($"exported KvK {kvk.Value} to {path}");
        return ExitCodes.Success;
    }
}
