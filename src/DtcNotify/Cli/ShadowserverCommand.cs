using DtcNotify.Hosting;
using DtcNotify.Shadowserver;
using DtcNotify.Text;

namespace DtcNotify.Cli;

/// <summary><c>shadowserver schema update [--from FILE|URL] [--json]</c>.</summary>
internal static class ShadowserverCommand
{
    public const string Usage = """
        usage: dtcnotify shadowserver schema update [--from FILE|URL] [--json]
               dtcnotify shadowserver collect [--date YYYY-MM-DD] [--json]
        """;

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var verb = string.Join(' ', args.Positional.Skip(1));
        return verb switch
        {
            "schema update" => await UpdateSchemaAsync(services, args, console, cancellationToken),
            _ => throw new CliUsageException(Usage),
        };
    }

    private static async Task<int> UpdateSchemaAsync(IServiceProvider services, CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        args.Allow("--json", "--from");
        await using var scope = services.CreateAsyncScope();
        SchemaUpdateResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<ShadowserverSchemaUpdater>().UpdateAsync(args.Get("--from"), cancellationToken);
        }
        catch (ShadowserverException ex)
        {
            throw new CliUsageException(PrintableText.Safe(ex.Message));
        }

        if (args.Json)
        {
            CliJson.Write(console.Out, result);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync(PrintableText.Safe(
            $"{result.File}: {result.ReportTypes} report types (created {result.DateCreated ?? "unknown"}); " +
            $"added: {List(result.Added)}; removed: {List(result.Removed)}; changed: {List(result.Changed)}"));
        if (result.IdentifiersWithoutAdvice.Count > 0)
        {
            await console.Out.WriteLineAsync(PrintableText.Safe($"identifiers without their own advice in the playbook: {List(result.IdentifiersWithoutAdvice)}"));
        }

        return ExitCodes.Success;
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
