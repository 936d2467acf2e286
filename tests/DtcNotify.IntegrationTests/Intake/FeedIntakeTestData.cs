using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DtcNotify.IntegrationTests.Infrastructure;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary>A small registry, IntelMQ events for it, a source with an API key, and a wait for background effects.</summary>
internal static class FeedIntakeTestData
{
    public const string Key = "test-key-7f3a9c";

    public const string Registry = """
        kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets
        11111111,Alpha B.V.,IT,nee,nee,Ann,ann@alpha.example,020 555 0101,nl,192.0.2.0/24 alpha.example
        22222222,Beta,IT,nee,nee,Bob,bob@beta.example,,en,198.51.100.0/24
        """;

    public static string KeyHash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:lds:Trusted"] = "true",
            ["Sources:lds:Kind"] = "Periodic",
            ["Sources:lds:ApiKeySha256"] = KeyHash,
            ["Sources:nokey:Trusted"] = "true",

            // The bot is not under test here; its local mode lets the host start without Entra credentials.
            ["Bot:AllowUnauthenticatedLocal"] = "true",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Two open-ftp events for Alpha, one for Beta, one unmatched: a JSON array as IntelMQ's REST output sends it.</summary>
    public static string IntelMqEvents(DateTimeOffset now, string identifier = "open-ftp")
    {
        var time = now.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        string Event(string ip) =>
            $$"""{"__type": "Event", "time.source": "{{time}}", "source.ip": "{{ip}}", "source.port": 21, "protocol.application": "ftp", "classification.taxonomy": "vulnerable", "classification.type": "vulnerable-system", "classification.identifier": "{{identifier}}", "feed.name": "test"}""";
        return $"[{Event("192.0.2.10")}, {Event("192.0.2.11")}, {Event("198.51.100.7")}, {Event("10.9.9.9")}]";
    }

    /// <summary>Puts a file into an inbox folder as a partner would: written beside it, then renamed, so a watcher never sees half a file.</summary>
    public static void Drop(string inbox, string relativePath, byte[] content)
    {
        var path = Path.Combine(inbox, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path + ".part", content);
        File.Move(path + ".part", path);
    }

    public static Task<TestDatabase> WithRegistryAsync(string provider) => WithRegistryAsync(provider, Registry);

    /// <summary>A new database of <paramref name="provider"/> with <paramref name="registryCsv"/> imported through the CLI.</summary>
    public static async Task<TestDatabase> WithRegistryAsync(string provider, string registryCsv)
    {
        var database = await TestDatabase.CreateAsync(provider);
        using var registry = new TempFile(registryCsv.Replace("\r", "", StringComparison.Ordinal) + "\n");
        var run = await CliDriver.RunAsync(database, "registry", "import", registry.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        return database;
    }
}
