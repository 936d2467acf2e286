using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace DtcNotify.Feeds.Shadowserver;

/// <summary>
/// Shadowserver report mappings in the structure of Shadowserver's published IntelMQ schema
/// (<c>https://interchange.shadowserver.org/intelmq/v1/schema</c>): one object per report with
/// <c>feed_name</c>, <c>file_name</c>, <c>constant_fields</c>, <c>required_fields</c>, <c>optional_fields</c>.
/// </summary>
public sealed class ShadowserverSchema
{
    private const string DefaultResource = "DtcNotify.Feeds.shadowserver-mapping.json";
    private static readonly Lazy<ShadowserverSchema> Default = new(LoadEmbedded);

    private readonly Dictionary<string, ShadowserverReport> _byFileName;
    private readonly Dictionary<string, ShadowserverReport> _byFeedName;

    private ShadowserverSchema(IReadOnlyList<ShadowserverReport> reports, string? dateCreated)
    {
        Reports = reports;
        DateCreated = dateCreated;
        _byFileName = new(StringComparer.OrdinalIgnoreCase);
        _byFeedName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var report in reports)
        {
            _byFileName.TryAdd(report.FileName, report);
            _byFeedName.TryAdd(report.FeedName, report);
        }
    }

    /// <summary>All report types.</summary>
    public IReadOnlyList<ShadowserverReport> Reports { get; }

    /// <summary><c>_meta.date_created</c> when the schema has one.</summary>
    public string? DateCreated { get; }

    /// <summary>The mapping shipped with DtcNotify (embedded resource).</summary>
    public static ShadowserverSchema LoadDefault() => Default.Value;

    /// <summary>Loads a schema file in Shadowserver's published format, e.g. a newer full schema.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a schema in that format.</exception>
    public static ShadowserverSchema Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return ShadowserverSchemaReader.Read(document.RootElement, static (reports, date) => new ShadowserverSchema(reports, date));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The Shadowserver schema is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Every <c>classification.identifier</c> the schema can give: the constant ones and those of row-aware conversions.
    /// Identifiers read from a column (a sinkhole's malware family) are open-ended and not listed.
    /// </summary>
    public IReadOnlySet<string> Identifiers()
    {
        var identifiers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var report in Reports)
        {
            if (report.ConstantFields.TryGetValue("classification.identifier", out var constant))
            {
                identifiers.Add(constant);
            }

            foreach (var field in report.RequiredFields.Concat(report.OptionalFields).Where(f => f.Target == "classification.identifier"))
            {
                identifiers.UnionWith(Conversions.IdentifiersOf(Conversions.Resolve(field.Conversion)));
            }
        }

        return identifiers;
    }

    /// <summary>Finds a report by its type (<c>file_name</c>, e.g. <c>scan_ftp</c>) or its <c>feed_name</c>, ignoring case.</summary>
    public bool TryGetReport(string type, [NotNullWhen(true)] out ShadowserverReport? report)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _byFileName.TryGetValue(type, out report) || _byFeedName.TryGetValue(type, out report);
    }

    /// <summary>The shipped mapping's JSON, e.g. to compare a downloaded schema with.</summary>
    public static Stream OpenDefault() =>
        typeof(ShadowserverSchema).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResource} is missing from the build.");

    private static ShadowserverSchema LoadEmbedded()
    {
        using var stream = OpenDefault();
        return Load(stream);
    }
}
