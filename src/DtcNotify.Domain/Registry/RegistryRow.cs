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
public sealed class RegistryRawFile(IReadOnlyList<RegistryRawRow> rows, IReadOnlyList<RegistryReject> rejected)
{
    private IReadOnlyList<RegistryRawRow>? _rows = rows;

    public IReadOnlyList<RegistryRawRow> Rows => _rows ?? throw new InvalidOperationException("the rows of this registry file were released once validated; split the file again");

    public IReadOnlyList<RegistryReject> Rejected { get; } = rejected;

    /// <summary>
    /// Lets the rows go once an import has validated what it needs of them: kept beside the validated companies they
    /// took a 1,000,000-asset first import from 545 MB to 652 MB peak RSS (bench-e2e's target is 600 MB).
    /// </summary>
    public void ReleaseRows() => _rows = null;
}
