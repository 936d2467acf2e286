using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DtcNotify.Cli;

/// <summary>
/// The Teams app zip (teams-protocol.md §E.3): manifest.json, color.png and outline.png at the root. The three files are
/// embedded from the repository's manifest/ folder, so the verb works from any directory and in a published build.
/// </summary>
internal static class TeamsAppPackage
{
    public static readonly IReadOnlyList<string> Files = ["manifest.json", "color.png", "outline.png"];

    // A fixed entry time makes the zip a function of the manifest and the app id only, so rebuilding changes nothing.
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        // Keeps the en dash and other text readable; the manifest is not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(Guid appId, Stream destination, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var name in Files)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            await using var target = await entry.OpenAsync(cancellationToken);
            if (name == "manifest.json")
            {
                var manifest = await ReadManifestAsync(cancellationToken);
                await JsonSerializer.SerializeAsync(target, WithAppId(manifest, appId), ManifestJson, cancellationToken);
            }
            else
            {
                await using var source = OpenEmbedded(name);
                await source.CopyToAsync(target, cancellationToken);
            }
        }
    }

    /// <summary>The Teams app id and the bot of both the bot and the search extension are the bot's Entra app id.</summary>
    public static JsonNode WithAppId(JsonNode manifest, Guid appId)
    {
        var id = appId.ToString("D");
        manifest["id"] = id;
        foreach (var section in new[] { "bots", "composeExtensions" })
        {
            foreach (var item in manifest[section]?.AsArray() ?? [])
            {
                item!["botId"] = id;
            }
        }

        return manifest;
    }

    public static async Task<JsonNode> ReadManifestAsync(CancellationToken cancellationToken)
    {
        await using var stream = OpenEmbedded("manifest.json");
        return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("the embedded manifest.json is empty");
    }

    private static Stream OpenEmbedded(string name) =>
        typeof(TeamsAppPackage).Assembly.GetManifestResourceStream($"DtcNotify.TeamsApp.{name}")
        ?? throw new InvalidOperationException($"manifest/{name} is not embedded in the dtcnotify assembly");
}
