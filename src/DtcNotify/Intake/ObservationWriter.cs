using System.Buffers;
using System.Text;
using System.Text.Json;
using DtcNotify.Data.Import;
using DtcNotify.Domain.Intake;
using DtcNotify.Feeds;

namespace DtcNotify.Intake;

/// <summary>
/// Turns matched observations into stored rows and hands them to the import store's bulk writer (<see cref="IObservationSink"/>),
/// in the import's transaction: a large report has hundreds of thousands of them, far too many for change tracking.
/// </summary>
internal sealed class ObservationWriter(IImportStore store, long importId, string sourceTlp) : IAsyncDisposable
{
    private readonly IObservationSink _sink = store.OpenObservations();
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private Utf8JsonWriter? _jsonWriter;

    /// <summary>
    /// Writes one matched observation. <paramref name="caseId"/> is its case when the case's id is known while the file
    /// streams; otherwise the import links it afterwards.
    /// </summary>
    /// <remarks><paramref name="sourceTlp"/> is the TLP of observations whose feed gives none (<c>Sources:&lt;name&gt;:Tlp</c>).</remarks>
    public ValueTask AddAsync(long line, long companyId, long? caseId, string threat, string asset, Observation o, CancellationToken cancellationToken) =>
        _sink.AddAsync(new StoredObservation
        {
            ImportId = importId, Line = line, CompanyId = companyId, CaseId = caseId, Threat = threat, MatchedAsset = asset,
            TimeSource = o.TimeSource?.ToUniversalTime(), SourceIp = o.SourceIp, SourcePort = o.SourcePort, SourceAsn = o.SourceAsn,
            SourceFqdn = o.SourceFqdn, SourceUrl = o.SourceUrl, SourceAccount = o.SourceAccount, Protocol = o.ProtocolApplication ?? o.ProtocolTransport,
            Taxonomy = o.ClassificationTaxonomy, Type = o.ClassificationType, Identifier = o.ClassificationIdentifier,
            Cves = o.Cves.Count == 0 ? null : string.Join(',', o.Cves), Tlp = o.Tlp ?? sourceTlp, Extra = o.Extra.Count == 0 ? null : ExtraJson(o.Extra),
            SourceReverseDns = o.SourceReverseDns, // evidence for the card and the mail; never an ownership claim (see ObservationMatcher)
            FeedName = o.FeedName is { Length: > 200 } name ? name[..200] : o.FeedName,
        }, cancellationToken);

    public Task FlushAsync(CancellationToken cancellationToken) => _sink.FlushAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _sink.DisposeAsync();
        if (_jsonWriter is not null)
        {
            await _jsonWriter.DisposeAsync();
        }
    }

    /// <summary>The same JSON as <c>JsonSerializer.Serialize(extra)</c>, through one reused writer (one string a row, not a serializer pass).</summary>
    private string ExtraJson(IReadOnlyDictionary<string, string> extra)
    {
        _json.ResetWrittenCount();
        var writer = _jsonWriter ??= new Utf8JsonWriter(_json);
        writer.Reset();
        writer.WriteStartObject();
        foreach (var (key, value) in extra)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }
}
