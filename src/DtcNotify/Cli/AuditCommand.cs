using DtcNotify.Audit;
using DtcNotify.Domain.Companies;
using DtcNotify.Hosting;
using DtcNotify.Text;

namespace DtcNotify.Cli;

/// <summary><c>audit (--case REF | --company KVK) [--json]</c>: who did what and when, oldest first; exit 1 when nothing is known.</summary>
internal static class AuditCommand
{
    private const string Usage = "usage: dtcnotify audit (--case REF | --company KVK) [--json]";

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--case", "--company");
        var (reference, kvk) = (args.Get("--case"), args.Get("--company"));
        if (args.Positional.Count != 1 || (reference is null) == (kvk is null))
        {
            throw new CliUsageException(Usage);
        }

        if (kvk is not null && !KvkNumber.IsValid(kvk))
        {
            throw new CliUsageException($"--company: {KvkNumber.Parse(kvk).Error}");
        }

        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var lines = reference is not null ? await trail.ForCaseAsync(reference, cancellationToken) : await trail.ForCompanyAsync(kvk!, cancellationToken);
        if (lines is null)
        {
            await console.Error.WriteLineAsync(PrintableText.Safe($"dtcnotify: nothing is known about {(reference is not null ? "case " + reference : "KvK " + kvk)}"));
            return ExitCodes.NotFound;
        }

        if (args.Json)
        {
            CliJson.Write(console.Out, lines);
            return ExitCodes.Success;
        }

        foreach (var line in lines)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe(
                $"{line.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z {line.Case ?? "-",-16} {line.Action,-28} {line.Actor}  {line.Before?.ToJsonString() ?? "-"} -> {line.After?.ToJsonString() ?? "-"}"));
        }

        return ExitCodes.Success;
    }
}
