using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace DtcNotify.Domain.Registry;

/// <summary>
/// What a re-import needs to know of a company whose registry rows did not change: a 128-bit hash of its raw rows (all
/// fields, in file order, each with its length) and the number of assets and contacts those rows validated to, so the
/// summary counts them without validating again. Stored as text with the company (<c>Company.RegistryFingerprint</c>).
/// </summary>
public sealed record RegistryFingerprint(string Hash, int Assets, int Contacts)
{
    /// <summary>
    /// Part of every hash. Bump it whenever validation or normalisation of registry rows changes (RegistryRowParser, the
    /// field parsers it calls, the merge of rows by KvK, the columns): every company is then validated again at the next
    /// import instead of being skipped with what the old rules made of its rows.
    /// </summary>
    public const int RulesVersion = 1;

    /// <summary>The hash of <paramref name="rows"/>, the rows of one company in file order (under <paramref name="rulesVersion"/>: tests give an older one).</summary>
    public static string HashOf(IEnumerable<RegistryRawRow> rows, int rulesVersion = RulesVersion)
    {
        var hash = new XxHash128();
        Append(hash, rulesVersion);
        foreach (var row in rows)
        {
            Append(hash, row.Fields.Length);
            foreach (var field in row.Fields)
            {
                Append(hash, field.Length);
                hash.Append(MemoryMarshal.AsBytes(field.AsSpan()));
            }
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hash}:{Assets}:{Contacts}");

    /// <summary>The stored text back, or null for none or text this version does not write.</summary>
    public static RegistryFingerprint? Parse(string? text)
    {
        var parts = text?.Split(':');
        return parts is [var hash, var assets, var contacts]
            && int.TryParse(assets, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && int.TryParse(contacts, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            ? new RegistryFingerprint(hash, a, c)
            : null;
    }

    private static void Append(XxHash128 hash, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        hash.Append(bytes);
    }
}
