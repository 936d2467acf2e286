using DtcNotify.Cases;
using DtcNotify.Domain.Cases;
using DtcNotify.Hosting;
using DtcNotify.Text;

namespace DtcNotify.Cli;

/// <summary><c>cases [--status STATUS] [--json]</c>.</summary>
internal static class CasesCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--status");
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("usage: dtcnotify cases [--status STATUS] [--json]");
        }

        CaseStatus? status = null;
        if (args.Get("--status") is { } name)
        {
            status = CaseStatusNames.TryParse(name, out var parsed) ? parsed
                : throw new CliUsageException($"--status '{name}' is not one of {string.Join(", ", CaseStatusNames.All)}");
        }

        await Database.DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var cases = await scope.ServiceProvider.GetRequiredService<CaseQueries>().ListAsync(status, null, cancellationToken);
        if (args.Json)
        {
            CliJson.Write(console.Out, cases);
            return ExitCodes.Success;
        }

        foreach (var c in cases)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"{c.Id,-16} {c.Status,-15} {c.Severity,-8} {c.Threat,-28} {c.Kvk} {c.Company} ({c.Observations} obs.{(c.Suppression is null ? "" : $", suppressed: {c.Suppression}")})"));
        }

        await console.Out.WriteLineAsync(PrintableText.Safe($"{cases.Count} case(s)"));
        return ExitCodes.Success;
    }
}
