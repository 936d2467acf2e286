using DtcNotify.Data;
using DtcNotify.Domain.Registry;
using DtcNotify.Registry;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Demo;

/// <summary>
/// Development only: fills an empty registry with fictional companies that use documentation address space
/// (RFC 5737, RFC 3849) and <c>.example</c> domains, so a local run has something to match. Never real companies.
/// </summary>
internal sealed partial class DemoSeeder(DtcNotifyDbContext db, RegistryImporter importer, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string RegistryResource = "DtcNotify.Demo.demo-registry.csv";

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        // Fresh times on every start: yesterday's demo feed would have been ingested already (a duplicate) or gone stale.
        var feeds = DemoFeeds.Write(Path.Combine("data", "demo"), clock.GetUtcNow());
        if (await db.Companies.AnyAsync(cancellationToken))
        {
            return;
        }

        var file = RegistryCsvReader.Split(ReadResource(RegistryResource), "demo-registry.csv");
        var result = await importer.ImportAsync(file, "system:demo", cancellationToken);
        Log.Seeded(logger, result.Companies, string.Join(", ", feeds));
    }

    public static byte[] ReadResource(string name)
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(3301, LogLevel.Warning, "Empty database in Development: seeded {Count} fictional demo companies; demo feeds to ingest: {Feeds}")]
        public static partial void Seeded(ILogger logger, int count, string feeds);
    }
}
