using nietras.SeparatedValues;
using DtcNotify.Feeds.Harmonisation;

namespace DtcNotify.Feeds.Shadowserver;

/// <summary>
/// A report's mapping resolved against one file's header, once per file: every schema field becomes a step with a
/// column index, a conversion and a target, and every unmapped column a ready-made <c>extra.*</c> key.
/// Rows then cost index lookups and span work, no dictionary lookups by name.
/// </summary>
internal sealed partial class ShadowserverPlan
{
    private readonly Step[] _steps;
    private readonly int[] _unmappedColumns;
    private readonly string[] _unmappedKeys;
    private readonly Constant[] _constants;
    private readonly RowColumns _row;
    private readonly KeyColumns _keys;
    private readonly CveTags _cveTags = new();
    private readonly string _ipColumn;

    private ShadowserverPlan(ShadowserverReport report, Step[] steps, int[] unmappedColumns, string[] unmappedKeys, RowColumns row, string ipColumn)
    {
        Report = report;
        _steps = steps;
        _unmappedColumns = unmappedColumns;
        _unmappedKeys = unmappedKeys;
        _constants = report.ConstantFields.Select(c => new Constant(CoreFields.Resolve(c.Key), c.Key, c.Value)).ToArray();
        _row = row;
        _keys = new KeyColumns(row.Index);
        _ipColumn = ipColumn;
    }

    public ShadowserverReport Report { get; }

    /// <summary>Resolves the report against the header; null and a message when a required column is missing.</summary>
    public static ShadowserverPlan? Create(ShadowserverReport report, IReadOnlyList<string> header, out string? problem)
    {
        problem = null;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i], i);
        }

        var used = new bool[header.Count];
        var steps = new List<Step>();
        var extraKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, required) in report.RequiredFields.Select(f => (f, true)).Concat(report.OptionalFields.Select(f => (f, false))))
        {
            if (!index.TryGetValue(field.Column, out var column))
            {
                if (required)
                {
                    problem = $"column '{field.Column}' is missing; Shadowserver report '{report.FileName}' requires it";
                    return null;
                }

                continue; // IntelMQ only warns: optional columns come and go between report versions
            }

            used[column] = true;
            var core = field.Target is null ? CoreField.None : CoreFields.Resolve(field.Target);
            var extraKey = field.Target switch
            {
                null or "not_in_idf" => null,
                "extra." => "extra." + field.Column,
                _ when core == CoreField.None => field.Target,
                _ => null,
            };
            if (extraKey is not null && !extraKeys.Add(extraKey))
            {
                continue; // the published schema lists some columns twice ("extra.", "tag"); the first wins
            }

            steps.Add(new Step(column, field.Column, Conversions.Resolve(field.Conversion), core, extraKey, Ignore: core == CoreField.None && extraKey is null));
        }

        var unmapped = Enumerable.Range(0, header.Count).Where(i => !used[i] && header[i].Length > 0 && !extraKeys.Contains("extra." + header[i])).ToArray();
        var ipColumn = report.RequiredFields.Concat(report.OptionalFields).FirstOrDefault(f => f.Target == "source.ip")?.Column ?? "source.ip";
        return new ShadowserverPlan(report, [.. steps], unmapped, unmapped.Select(i => "extra." + header[i]).ToArray(), new RowColumns(index), ipColumn);
    }

    /// <summary>Maps one row into the builder; returns a rejection, or null when the builder holds a valid event.</summary>
    public RejectedItem? Apply(SepReader.Row row, ObservationBuilder builder, long line)
    {
        foreach (ref readonly var step in _steps.AsSpan())
        {
            var cell = Cell(row, step.Column);
            if (cell.IsEmpty || step.Ignore)
            {
                continue;
            }

            if (step.PassThrough)
            {
                // Most extras are the cell as it is: no conversion result to build and format back.
                if (step.Conversion == Conversion.None || !Conversions.IsNone(cell))
                {
                    builder.AddExtra(step.ExtraKey!, cell, knownUnique: true);
                }

                continue;
            }

            if (step.Conversion == Conversion.ExtractCveFromTag && step.Core == CoreField.Cves)
            {
                builder.AddCves(_cveTags.Of(cell).Ids); // what Set would find again in the joined ids, without a second search
                continue;
            }

            var converted = Convert(step, row, cell);
            if (converted.IsNothing)
            {
                continue;
            }

            if (step.Core == CoreField.None)
            {
                AddExtra(builder, step.ExtraKey!, converted, cell);
                continue;
            }

            var reason = SetCore(builder, step, converted, cell);
            if (reason is not null)
            {
                if (IsIdentity(step.Core))
                {
                    return new RejectedItem(line, step.ColumnName, reason);
                }

                builder.AddExtra("extra." + step.ColumnName, cell); // kept as text, as IntelMQ does
            }
        }

        for (var i = 0; i < _unmappedColumns.Length; i++)
        {
            var cell = Cell(row, _unmappedColumns[i]);
            if (!cell.IsEmpty)
            {
                builder.AddExtra(_unmappedKeys[i], cell, knownUnique: true);
            }
        }

        foreach (var constant in _constants)
        {
            constant.Apply(builder);
        }

        if (!builder.HasKey)
        {
            _keys.Apply(row, builder);
        }

        builder.Set(CoreField.FeedName, Report.FeedName, Report.FeedName);
        return null;
    }

    /// <summary>The column named when a row has nothing to match on.</summary>
    public string IpColumn => _ipColumn;

    // The fields that identify what was seen where and when: a bad value there makes the row worthless, so it is rejected.
    private static bool IsIdentity(CoreField field) =>
        field is CoreField.SourceIp or CoreField.SourcePort or CoreField.SourceAsn or CoreField.TimeSource;

    private static ReadOnlySpan<char> Cell(SepReader.Row row, int column) =>
        column < row.ColCount ? row[column].Span.Trim() : default;

    private static string? SetCore(ObservationBuilder builder, in Step step, Converted converted, ReadOnlySpan<char> cell)
    {
        if (converted.Failed)
        {
            return converted.Text;
        }

        return converted.Kind switch
        {
            4 when step.Core == CoreField.TimeSource => builder.SetTime(converted.Time),
            2 when step.Core == CoreField.SourcePort => builder.SetPort(converted.Number),
            2 when step.Core == CoreField.SourceAsn => builder.SetAsn(converted.Number),
            _ when converted.UseSource => builder.Set(step.Core, cell),
            _ => builder.Set(step.Core, converted.Format(cell)),
        };
    }

    private Converted Convert(in Step step, SepReader.Row row, ReadOnlySpan<char> cell)
    {
        if (step.Core == CoreField.SourceIp)
        {
            return Converted.Source(); // the builder validates it and says why an address is refused; validate_ip would drop it silently
        }

        return step.Conversion switch
        {
            Conversion.ConvertHttpHostAndUrl => _row.HostAndUrl(row),
            Conversion.CategoryOrDetail => _row.CategoryOrDetail(row),
            Conversion.ExtractCveFromTag => _cveTags.Of(cell).Converted,
            _ => Conversions.Apply(step.Conversion, cell),
        };
    }

    // Writes a converted value as IntelMQ would put it in JSON, straight into the builder's buffer.
    // Keys of steps and unmapped columns are made unique in Create, so no duplicate scan is needed per row.
    private static void AddExtra(ObservationBuilder builder, string key, in Converted converted, ReadOnlySpan<char> cell)
    {
        switch (converted.Kind)
        {
            case 2 when Conversions.IsInvariantInteger(cell):
                builder.AddExtra(key, cell, knownUnique: true); // the number's text is the cell: no need to format it again
                break;
            case 2:
                builder.AddExtra(key, converted.Number, knownUnique: true);
                break;
            case 3:
                builder.AddExtra(key, converted.Number == 1 ? "true" : "false", knownUnique: true);
                break;
            case 4:
                Span<char> time = stackalloc char[Timestamps.FormattedLength];
                Timestamps.Write(converted.Time, time);
                builder.AddExtra(key, time, knownUnique: true);
                break;
            default:
                builder.AddExtra(key, converted.UseSource || converted.Failed ? cell : converted.Text, knownUnique: true);
                break;
        }
    }

    private readonly record struct Step(int Column, string ColumnName, Conversion Conversion, CoreField Core, string? ExtraKey, bool Ignore)
    {
        /// <summary>An extra whose value is the cell itself, or nothing (<c>validate_to_none</c>).</summary>
        public bool PassThrough { get; } = Core == CoreField.None && ExtraKey is not null && (Conversion is Conversion.None or Conversion.ValidateToNone);
    }

    private readonly record struct Constant(CoreField Core, string Name, string Value)
    {
        public void Apply(ObservationBuilder builder)
        {
            if (Core == CoreField.None)
            {
                builder.AddExtra(Name, Value);
            }
            else
            {
                builder.Set(Core, Value, Value);
            }
        }
    }
}
