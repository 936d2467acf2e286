using DtcNotify.Domain.Companies;

namespace DtcNotify.Domain.Registry;

/// <summary>A company as one registry file describes it, after the rows with its KvK number were merged.</summary>
public sealed record RegistryCompany(string Kvk, string Name, string? Sector, bool Vital, bool DoNotContact, string Language)
{
    public List<RegistryContact> Contacts { get; } = [];

    public List<AssetValue> Assets { get; } = [];
}

/// <summary>A contact; <paramref name="Role"/> is <see cref="ContactRole.Own"/> or <see cref="ContactRole.Supplier"/>.</summary>
public sealed record RegistryContact(string? Name, string? Email, string? Phone, string Role = ContactRole.Own);

public sealed record RegistryReject(long Line, string Reason);

/// <summary>What a registry file holds: the valid companies in file order, and every refused row with its line.</summary>
public sealed record RegistryFile(IReadOnlyList<RegistryCompany> Companies, IReadOnlyList<RegistryReject> Rejected);

/// <summary>The file as a whole cannot be read (not UTF-8, binary, no header, missing columns); nothing is imported.</summary>
public sealed class RegistryFileException(string message) : Exception(message);

/// <summary>One data row split into its fields in <see cref="RegistryCsvReader.Columns"/> order (then the optional ones), not yet validated.</summary>
public sealed record RegistryRawRow(long Line, string[] Fields)
{
    /// <summary>The KvK field as written: a re-import groups rows by it.</summary>
    public string KvkText => Fields[0];
}

/// <summary>A registry file split into rows, before validation; <see cref="Rejected"/> holds the rows with the wrong number of fields.</summary>
public sealed class RegistryRawFile(List<RegistryRawRow> rows, IReadOnlyList<RegistryReject> rejected)
{
    private List<RegistryRawRow>? _rows = rows;

    public IReadOnlyList<RegistryRawRow> Rows => _rows ?? throw new InvalidOperationException("the rows of this registry file were taken by an import; split the file again");

    public IReadOnlyList<RegistryReject> Rejected { get; } = rejected;

    /// <summary>
    /// Each row once, in file order, letting go of it as the next is taken, and then of the list: an import validates
    /// rows into companies, and the rows kept beside the companies they became raised a 1,000,000-asset first import
    /// above bench-e2e's 600 MB peak RSS target.
    /// </summary>
    public IEnumerable<RegistryRawRow> TakeRows()
    {
        var rows = _rows ?? throw new InvalidOperationException("the rows of this registry file were taken already; split the file again");
        _rows = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            rows[i] = null!;
            yield return row;
        }
    }
}
