namespace DtcNotify.Feeds.Shadowserver;

/// <summary>One entry of a report's <c>required_fields</c> or <c>optional_fields</c>: <c>[target, column, conversion?, with_row?]</c>.</summary>
/// <param name="Target">IntelMQ field name; <c>extra.</c> means "extra.&lt;column&gt;"; null when the schema says <c>false</c> (ignore the column).</param>
/// <param name="Column">The CSV column.</param>
/// <param name="Conversion">IntelMQ conversion function name (for example <c>validate_ip</c>), or null.</param>
/// <param name="WithRow">True when the conversion also reads other columns of the row (the schema's fourth element).</param>
public sealed record ShadowserverField(string? Target, string Column, string? Conversion, bool WithRow);

/// <summary>One report type of the schema.</summary>
public sealed class ShadowserverReport
{
    /// <summary>The schema key.</summary>
    public required string Name { get; init; }

    /// <summary><c>feed_name</c>, stored as the observation's feed name.</summary>
    public required string FeedName { get; init; }

    /// <summary><c>file_name</c>: the report type as it appears in file names.</summary>
    public required string FileName { get; init; }

    /// <summary><c>url</c>: Shadowserver's documentation page, when given.</summary>
    public string? Url { get; init; }

    /// <summary>Fields whose column must be in the header.</summary>
    public required IReadOnlyList<ShadowserverField> RequiredFields { get; init; }

    /// <summary>Fields used when their column is present.</summary>
    public required IReadOnlyList<ShadowserverField> OptionalFields { get; init; }

    /// <summary><c>constant_fields</c>: set on every observation.</summary>
    public required IReadOnlyDictionary<string, string> ConstantFields { get; init; }
}
