using nietras.SeparatedValues;
using DtcNotify.Domain.Playbook;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Csv;

/// <summary>
/// Reads the generic incident CSV (architecture §4). The separator is detected from the header, so Dutch Excel
/// exports with semicolons work too. Credential columns are never read: they are dropped and announced.
/// </summary>
internal static class IncidentCsvParser
{
    public static IEnumerable<FeedItem> Read(Stream stream, FeedReadRequest request)
    {
        var fileName = request.FileName;
        using var reader = CsvSource.Open(stream, fileName, separator: null);
        var header = reader.Header.ColNames;
        var roles = new IncidentColumn[header.Count];
        var extraKeys = new string[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = IncidentCsvColumns.Normalise(header[i]);
            roles[i] = IncidentCsvColumns.Classify(name);
            extraKeys[i] = "extra." + name;
            if (roles[i] == IncidentColumn.Credential)
            {
                yield return new NoticeItem(1, $"credential column '{ObservationBuilder.Shorten(header[i])}' dropped: DtcNotify never stores credentials");
            }
        }

        if (!roles.Any(IncidentCsvColumns.IsIdentity))
        {
            throw new FeedFileException(fileName, 1, "the header has none of the columns ip, fqdn (or domain, hostname), url, email");
        }

        var builder = new ObservationBuilder();
        while (CsvSource.MoveNext(reader, fileName))
        {
            if (ReadRow(reader.Current, header, roles, extraKeys, builder, request.DefaultIdentifier) is { } item)
            {
                yield return item;
            }
        }
    }

    private static FeedItem? ReadRow(SepReader.Row row, IReadOnlyList<string> header, IncidentColumn[] roles, string[] extraKeys, ObservationBuilder builder, string? defaultIdentifier)
    {
        if (CsvSource.IsBlank(row))
        {
            return null;
        }

        long line = row.LineNumberFrom;
        builder.Reset();
        for (var i = 0; i < Math.Min(roles.Length, row.ColCount); i++)
        {
            var cell = row[i].Span.Trim();
            if (cell.IsEmpty || roles[i] == IncidentColumn.Credential)
            {
                continue;
            }

            if (ReadCell(roles[i], cell, row[i].ToString(), extraKeys[i], builder) is { } reason)
            {
                return new RejectedItem(line, header[i], reason);
            }
        }

        var problem = builder.TryBuild(defaultIdentifier, out var observation);
        return problem is null
            ? new ObservationItem(line, observation!)
            : new RejectedItem(line, header.FirstOrDefault(h => IncidentCsvColumns.IsIdentity(IncidentCsvColumns.Classify(IncidentCsvColumns.Normalise(h)))), problem);
    }

    private static string? ReadCell(IncidentColumn role, ReadOnlySpan<char> cell, string text, string extraKey, ObservationBuilder builder)
    {
        switch (role)
        {
            case IncidentColumn.Ip: return builder.Set(CoreField.SourceIp, cell);
            case IncidentColumn.Fqdn: return builder.Set(CoreField.SourceFqdn, cell);
            case IncidentColumn.Url: return builder.Set(CoreField.SourceUrl, cell);
            case IncidentColumn.Email: return builder.Set(CoreField.SourceAccount, cell);
            case IncidentColumn.Port: return builder.Set(CoreField.SourcePort, cell);
            case IncidentColumn.Timestamp: return builder.Set(CoreField.TimeSource, cell);
            case IncidentColumn.Asn: return builder.Set(CoreField.SourceAsn, cell);
            case IncidentColumn.Tlp: return builder.Set(CoreField.Tlp, cell);
            case IncidentColumn.Identifier: return builder.Set(CoreField.ClassificationIdentifier, cell, text.Trim());
            case IncidentColumn.Cve:
                var found = new List<string>();
                Cves.AddFrom(text, found);
                if (found.Count == 0)
                {
                    return $"'{ObservationBuilder.Shorten(cell)}' holds no CVE id";
                }

                builder.AddCves(text);
                return null;
            case IncidentColumn.Severity:
                builder.AddExtra("extra.severity", text.Trim().ToLowerInvariant());
                return null;
            case IncidentColumn.Description:
                builder.AddExtra("event_description.text", text);
                return null;
            default:
                builder.AddExtra(extraKey, text);
                return null;
        }
    }
}
