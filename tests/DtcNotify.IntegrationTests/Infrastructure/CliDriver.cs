using DtcNotify.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>Runs the real CLI in-process against a test database and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

public static class CliDriver
{
    public static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => RunAsync(database, [], args);

    public static Task<CliRun> RunAsync(TestDatabase database, IEnumerable<KeyValuePair<string, string?>> settings, params string[] args) =>
        RunAsync(database, settings, null, args);

    /// <param name="services">Replaces services of the verb, e.g. the HTTP handler that trusts a local peer's certificate.</param>
    /// <remarks>
    /// The verb's HttpClients pass the outbound-call guard, as the hosted app's do: loopback URLs in the settings or the
    /// arguments (<c>--from URL</c>) are the test's peers; a call elsewhere is refused and fails the run with its URL.
    /// </remarks>
    public static async Task<CliRun> RunAsync(TestDatabase database, IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var all = settings.ToList();
        var outbound = new OutboundCallGuard();
        outbound.ExpectLoopbackUrlsIn(all.Concat(args.Select(a => new KeyValuePair<string, string?>("", a))));
        var exit = await DtcNotifyProgram.RunAsync(args, new CliConsole(output, error), config => config.AddInMemoryCollection(database.Settings().Concat(all)), s =>
        {
            s.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(outbound.CreateHandler));
            services?.Invoke(s);
        });
        outbound.ThrowIfUnexpected();
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
