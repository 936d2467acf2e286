namespace DtcNotify.Shadowserver;

/// <summary>
/// <c>shadowserver schema update --json</c>: report types (by type name) added, removed and changed against the schema
/// in force before (the file, else the shipped mapping), and the identifiers the new schema can give that have no advice
/// of their own in the playbook.
/// </summary>
internal sealed record SchemaUpdateResult(
    int ReportTypes,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> IdentifiersWithoutAdvice,
    string File,
    string? DateCreated)
{
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count > 0;
}
