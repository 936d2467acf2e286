using DtcNotify.Domain.Registry;

namespace DtcNotify.Registry;

/// <summary>The contract summary of <c>registry import --json</c> (architecture §4), with the merge outcome added.</summary>
public sealed record RegistryImportResult(
    int Companies,
    int Assets,
    int Contacts,
    IReadOnlyList<RegistryReject> Rejected,
    int Created,
    int Updated,
    int Unchanged);
