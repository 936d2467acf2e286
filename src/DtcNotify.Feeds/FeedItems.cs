namespace DtcNotify.Feeds;

/// <summary>One result of reading a feed; <see cref="Line"/> says where in the input it came from.</summary>
/// <remarks>
/// Line meaning per format: CSV formats and IntelMQ JSON lines use the 1-based physical line where the row starts
/// (the header is line 1); a JSON array or multi-line IntelMQ document uses the 1-based index of the event;
/// STIX uses the 1-based index of the object in the bundle's <c>objects</c>; MISP the 1-based index of the attribute
/// (event attributes first, then object attributes, in document order). Line 0 means "the file as a whole".
/// </remarks>
public abstract record FeedItem(long Line);

/// <summary>A harmonised observation.</summary>
public sealed record ObservationItem(long Line, Observation Observation) : FeedItem(Line);

/// <summary>A row or object that was not turned into an observation; <see cref="Field"/> names the culprit when known.</summary>
public sealed record RejectedItem(long Line, string? Field, string Reason) : FeedItem(Line);

/// <summary>Something the importer should tell the user that is not a rejection (e.g. a dropped credential column).</summary>
public sealed record NoticeItem(long Line, string Message) : FeedItem(Line);
