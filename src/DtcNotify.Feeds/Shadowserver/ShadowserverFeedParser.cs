using nietras.SeparatedValues;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Shadowserver;

/// <summary>Reads a Shadowserver CSV report through the schema's mapping for its report type.</summary>
internal static class ShadowserverFeedParser
{
    /// <summary>Shadowserver reports are always comma separated (RFC 4180).</summary>
    internal const char Separator = ',';

    public static IEnumerable<FeedItem> Read(Stream stream, FeedReadRequest request, ShadowserverSchema schema)
    {
        var fileName = request.FileName;
        var type = request.ReportType ?? ShadowserverReportName.FromFileName(fileName)
            ?? throw new FeedFileException(fileName, 0, "the Shadowserver report type cannot be read from the file name (expected YYYY-MM-DD-<type>-<suffix>.csv); pass the report type");
        if (!schema.TryGetReport(type, out var report))
        {
            throw new FeedFileException(fileName, 0, $"unknown Shadowserver report type '{type}': run 'dtcnotify shadowserver schema update' or pass --report");
        }

        using var reader = CsvSource.Open(stream, fileName, Separator);
        var plan = ShadowserverPlan.Create(report, reader.Header.ColNames, out var problem)
            ?? throw new FeedFileException(fileName, 1, problem!);
        var builder = new ObservationBuilder();
        while (CsvSource.MoveNext(reader, fileName))
        {
            if (ReadRow(reader.Current, plan, builder, request.DefaultIdentifier) is { } item)
            {
                yield return item;
            }
        }
    }

    private static FeedItem? ReadRow(SepReader.Row row, ShadowserverPlan plan, ObservationBuilder builder, string? defaultIdentifier)
    {
        if (CsvSource.IsBlank(row))
        {
            return null;
        }

        long line = row.LineNumberFrom;
        builder.Reset();
        if (plan.Apply(row, builder, line) is { } rejected)
        {
            return rejected;
        }

        var reason = builder.TryBuild(defaultIdentifier, out var observation);
        return reason is null ? new ObservationItem(line, observation!) : new RejectedItem(line, plan.IpColumn, reason);
    }
}
