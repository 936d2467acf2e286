using DtcNotify.Feeds;

namespace DtcNotify.Remediation;

/// <summary>
/// Which imports are "a later report of the same kind": the Shadowserver report type from the file name (<c>scan_ftp</c>),
/// else <c>--report</c>, else the report name in the file name; for an incident list the threat it is about. Null: the
/// import says nothing about whether earlier warnings worked.
/// </summary>
internal static class ReportKey
{
    public const int MaxLength = 200;

    public static string? For(string fileName, FeedFormat format, string? reportOption, string kind, string? threatOption, IReadOnlyCollection<string> threats)
    {
        var key = format == FeedFormat.Shadowserver
            ? reportOption ?? ReportTypes.FromFileName(fileName)
            : kind == "incidental"
                ? threatOption ?? (threats.Count == 1 ? threats.First() : null)
                : reportOption ?? ReportTypes.FromFileName(fileName);
        return key is { Length: > 0 and <= MaxLength } ? key.ToLowerInvariant() : null;
    }
}
