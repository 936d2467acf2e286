using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Registry;

namespace DtcNotify.Registry;

/// <summary>
/// Which companies of a registry file a re-import must validate, read and diff: those whose rows (grouped by the KvK
/// field as written) hash differently from the fingerprint stored with the company. The others are unchanged without
/// being parsed or read; their asset and contact counts come from the fingerprint, so the summary is the one a full
/// validation gives. A fingerprint is stored only for a company all of whose rows were valid and written with its KvK
/// number exactly, so a rejected row is validated, and reported, again at every import.
/// </summary>
internal sealed class RegistryImportPlan
{
    private RegistryImportPlan(RegistryFile validated, Dictionary<string, string?> fingerprints, List<RegistryFingerprint> skipped)
    {
        Validated = validated;
        Fingerprints = fingerprints;
        Skipped = skipped;
    }

    /// <summary>The companies whose rows changed (in file order), and every rejected row of the file.</summary>
    public RegistryFile Validated { get; }

    /// <summary>The fingerprint to store with each validated company, by KvK; null where a row of it was refused.</summary>
    public IReadOnlyDictionary<string, string?> Fingerprints { get; }

    /// <summary>The companies skipped as unchanged.</summary>
    public IReadOnlyList<RegistryFingerprint> Skipped { get; }

    /// <summary>Plans the import of <paramref name="file"/>, taking its rows (<see cref="RegistryRawFile.TakeRows"/>): a file is planned once.</summary>
    public static RegistryImportPlan Make(RegistryRawFile file, IReadOnlyDictionary<string, string> stored)
    {
        var groups = new Dictionary<string, List<RegistryRawRow>>(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            if (!groups.TryGetValue(row.KvkText, out var rows))
            {
                groups.Add(row.KvkText, rows = []);
            }

            rows.Add(row);
        }

        var hashes = new Dictionary<string, string>(groups.Count, StringComparer.Ordinal);
        var skipped = new Dictionary<string, RegistryFingerprint>(StringComparer.Ordinal);
        foreach (var (kvkText, rows) in groups)
        {
            var hash = hashes[kvkText] = RegistryFingerprint.HashOf(rows);
            if (stored.TryGetValue(kvkText, out var text) && RegistryFingerprint.Parse(text) is { } fingerprint && fingerprint.Hash == hash)
            {
                skipped.Add(kvkText, fingerprint);
            }
        }

        // Rows that write a skipped company's KvK number differently (" 12345678") are rows of that company too: it is changed.
        foreach (var kvkText in groups.Keys.Where(k => !skipped.ContainsKey(k)))
        {
            if (KvkNumber.Parse(kvkText) is { IsValid: true, Value: { } kvk } && kvk != kvkText)
            {
                skipped.Remove(kvk);
            }
        }

        groups.Clear(); // the rows are let go one by one as they are validated
        var refusedGroups = new HashSet<string>(StringComparer.Ordinal);
        var writtenAs = new Dictionary<string, string?>(StringComparer.Ordinal); // company KvK → its rows' KvK text, null if several
        var validated = RegistryCsvReader.Validate(file.TakeRows().Where(r => !skipped.ContainsKey(r.KvkText)), file.Rejected, (row, kvk) =>
        {
            if (kvk is null)
            {
                refusedGroups.Add(row.KvkText);
            }
            else if (!writtenAs.TryGetValue(kvk, out var kvkText))
            {
                writtenAs.Add(kvk, row.KvkText);
            }
            else if (kvkText != row.KvkText)
            {
                writtenAs[kvk] = null;
            }
        });

        var fingerprints = validated.Companies.ToDictionary(c => c.Kvk, c =>
            writtenAs[c.Kvk] == c.Kvk && !refusedGroups.Contains(c.Kvk)
                ? new RegistryFingerprint(hashes[c.Kvk], c.Assets.Count, c.Contacts.Count).ToString()
                : null, StringComparer.Ordinal);
        return new RegistryImportPlan(validated, fingerprints, [.. skipped.Values]);
    }

    /// <summary>The summary a full validation of the file gives, with the merge's outcome.</summary>
    public RegistryImportResult Result(int created, int updated)
    {
        var companies = Validated.Companies.Count + Skipped.Count;
        return new RegistryImportResult(
            companies,
            Validated.Companies.Sum(c => c.Assets.Count) + Skipped.Sum(s => s.Assets),
            Validated.Companies.Sum(c => c.Contacts.Count) + Skipped.Sum(s => s.Contacts),
            Validated.Rejected, created, updated, companies - created - updated);
    }
}
