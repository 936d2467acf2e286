using DtcNotify.Hosting;
using DtcNotify.AssetIndexing;
using DtcNotify.Matching;
using DtcNotify.Text;

namespace DtcNotify.Cli;

/// <summary><c>lookup QUERY [--json]</c>: exit code 1 when nothing matches.</summary>
internal static class LookupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json");
        if (args.Positional.Count < 2)
        {
            throw new CliUsageException("usage: dtcnotify lookup QUERY [--json]   (KvK number, name, domain, IP or e-mail address)");
        }

        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var query = string.Join(' ', args.Positional.Skip(1));
        var found = await scope.ServiceProvider.GetRequiredService<LookupService>().FindAsync(query, cancellationToken);
        if (found is null)
        {
            await console.Error.WriteLineAsync($"dtcnotify: no company matches '{query}'");
            return ExitCodes.NotFound;
        }

        if (args.Json)
        {
            CliJson.Write(console.Out, found);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync(PrintableText.Safe($"{found.Name} (KvK {found.Kvk}){(found.Vital ? ", VITAL: NCSC" : "")}{(found.DoNotContact ? ", do not contact" : "")} — matched by {found.MatchedBy}{(found.MatchedAsset is null ? "" : $" ({found.MatchedAsset})")}"));
        await console.Out.WriteLineAsync(PrintableText.Safe($"  assets: {string.Join(' ', found.Assets)}"));
        foreach (var c in found.Contacts)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"  contact: {c.Name} {c.Email}{(c.EmailUndeliverable ? " (undeliverable: bounced)" : "")} {c.Phone}"));
        }

        foreach (var c in found.Cases)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"  case {c.Id}: {c.Status} {c.Threat} ({c.Observations} obs.)"));
        }

        return ExitCodes.Success;
    }
}
