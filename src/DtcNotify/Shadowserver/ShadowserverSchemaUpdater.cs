using System.Text.Json.Nodes;
using DtcNotify.Domain.Playbook;
using DtcNotify.Feeds;
using Microsoft.Extensions.Options;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Shadowserver;

/// <summary>
/// Downloads (or reads) Shadowserver's IntelMQ schema, validates it completely, compares it with the schema in force and
/// writes it atomically over <c>Feeds:ShadowserverSchemaFile</c>; running services pick the new file up on their next report.
/// </summary>
internal sealed partial class ShadowserverSchemaUpdater(
    ShadowserverSchemaSource source,
    IHttpClientFactory http,
    ThreatPlaybook playbook,
    IOptions<ShadowserverOptions> options,
    ILogger<ShadowserverSchemaUpdater> logger)
{
    /// <summary>The live schema is about 0.7 MB; anything far larger is not a schema.</summary>
    private const int MaxSchemaBytes = 32 * 1024 * 1024;

    /// <param name="from">A file or an https URL; null: <c>Shadowserver:SchemaUrl</c>.</param>
    /// <exception cref="ShadowserverException">The download failed or the file is not a schema DtcNotify fully understands.</exception>
    public async Task<SchemaUpdateResult> UpdateAsync(string? from, CancellationToken cancellationToken)
    {
        from ??= options.Value.SchemaUrl;
        var bytes = await ReadAsync(from, cancellationToken);
        ShadowserverSchema schema;
        try
        {
            schema = ShadowserverSchema.Load(new MemoryStream(bytes, writable: false));
        }
        catch (InvalidDataException ex)
        {
            throw new ShadowserverException($"{from}: {ex.Message}");
        }

        var result = Compare(bytes, schema);
        await WriteAtomicallyAsync(bytes, cancellationToken);
        Log.Updated(logger, source.Path, schema.Reports.Count, result.Added.Count, result.Removed.Count, result.Changed.Count);
        return result;
    }

    private async Task<byte[]> ReadAsync(string from, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(from, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            var path = uri?.IsFile == true ? uri.LocalPath : from;
            return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : throw new ShadowserverException($"{from}: no such file");
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ShadowserverException($"{from}: only https URLs are fetched");
        }

        var client = http.CreateClient(ShadowserverHttp.ClientName);
        return await ShadowserverHttp.GetBytesAsync(client, uri, MaxSchemaBytes, cancellationToken);
    }

    private SchemaUpdateResult Compare(byte[] bytes, ShadowserverSchema schema)
    {
        var before = File.Exists(source.Path) ? TryReadNodes(File.ReadAllBytes(source.Path)) : null;
        before ??= ReportNodes(ShippedJson());
        var after = ReportNodes(JsonNode.Parse(bytes));
        var added = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = after.Keys.Intersect(before.Keys).Where(k => !JsonNode.DeepEquals(after[k], before[k])).Order(StringComparer.Ordinal).ToList();
        var withoutAdvice = schema.Identifiers().Where(i => playbook.Find(i) is not { IsSpecific: true }).ToList();
        return new SchemaUpdateResult(schema.Reports.Count, added, removed, changed, withoutAdvice, source.Path, schema.DateCreated);
    }

    private static Dictionary<string, JsonNode?>? TryReadNodes(byte[] json)
    {
        try
        {
            return ReportNodes(JsonNode.Parse(json));
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // a broken file in force compares as empty: everything is "added"
        }
    }

    // Keyed by type (file_name), as reports are found and named everywhere else.
    private static Dictionary<string, JsonNode?> ReportNodes(JsonNode? root) =>
        root is JsonObject reports
            ? reports.Where(p => p.Key != "_meta" && p.Value is JsonObject).GroupBy(p => p.Value!["file_name"]?.GetValue<string>() ?? p.Key)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal)
            : [];

    private static JsonNode? ShippedJson()
    {
        using var stream = ShadowserverSchema.OpenDefault();
        return JsonNode.Parse(stream);
    }

    // Write beside the target and rename: a reader never sees half a file, and a failed write leaves the old one.
    private async Task WriteAtomicallyAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(source.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp"; // unique: two instances (or processes) may write at once
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3109, LogLevel.Information, "Shadowserver schema written to {Path}: {Reports} report types, {Added} added, {Removed} removed, {Changed} changed")]
        public static partial void Updated(ILogger logger, string path, int reports, int added, int removed, int changed);
    }
}
