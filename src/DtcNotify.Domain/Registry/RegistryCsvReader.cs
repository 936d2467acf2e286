using System.Text;
using DtcNotify.Domain.Companies;
using nietras.SeparatedValues;

namespace DtcNotify.Domain.Registry;

/// <summary>Reads the registry CSV of architecture §4. Bad rows are rejected with their line; the file is refused only as a whole.</summary>
public static class RegistryCsvReader
{
    public static readonly string[] Columns =
        ["kvk", "name", "sector", "vital", "do_not_contact", "contact_name", "contact_email", "contact_phone", "language", "assets"];

    /// <summary>Optional columns after <see cref="Columns"/>: files without them still import (their value is then empty).</summary>
    public static readonly string[] OptionalColumns = ["contact_role"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Splits and validates the whole file.</summary>
    public static RegistryFile Read(byte[] content, string fileName)
    {
        var raw = Split(content, fileName);
        return Validate(raw.Rows, raw.Rejected);
    }

    /// <summary>
    /// Splits the file into rows of fields in <see cref="Columns"/> order without validating them (a re-import validates
    /// only the companies whose rows changed). Rows with the wrong number of fields are refused here; blank rows dropped.
    /// </summary>
    public static RegistryRawFile Split(byte[] content, string fileName)
    {
        var text = Decode(content, fileName);
        using var reader = OpenReader(text, fileName);
        var index = ResolveColumns(reader.Header.ColNames, fileName);

        var rows = new List<RegistryRawRow>();
        var rejected = new List<RegistryReject>();
        foreach (var row in reader)
        {
            if (row.ColCount != reader.Header.ColNames.Count)
            {
                rejected.Add(new(row.LineNumberFrom, $"expected {reader.Header.ColNames.Count} fields, found {row.ColCount}"));
                continue;
            }

            var fields = new string[index.Length];
            for (var i = 0; i < index.Length; i++)
            {
                fields[i] = index[i] < 0 ? "" : row[index[i]].ToString();
            }

            if (!fields.All(string.IsNullOrWhiteSpace))
            {
                rows.Add(new RegistryRawRow(row.LineNumberFrom, fields));
            }
        }

        return new RegistryRawFile(rows, rejected);
    }

    /// <summary>
    /// Validates <paramref name="rows"/> (in file order) and merges them by KvK number; the refused rows join
    /// <paramref name="rejected"/>, all in line order. <paramref name="onRow"/> sees each row with its outcome.
    /// </summary>
    public static RegistryFile Validate(IEnumerable<RegistryRawRow> rows, IEnumerable<RegistryReject> rejected, Action<RegistryRawRow, string?>? onRow = null)
    {
        var companies = new Dictionary<string, RegistryCompany>(StringComparer.Ordinal);
        var order = new List<RegistryCompany>();
        var refused = new List<RegistryReject>(rejected);
        foreach (var row in rows)
        {
            var parsed = RegistryRowParser.Parse(row.Fields);
            if (parsed.Error is not null)
            {
                refused.Add(new(row.Line, parsed.Error));
                onRow?.Invoke(row, null);
                continue;
            }

            Merge(parsed.Row!, companies, order);
            onRow?.Invoke(row, parsed.Row!.Company.Kvk);
        }

        refused.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new RegistryFile(order, refused);
    }

    private static void Merge(RegistryRowParser.ParsedRow row, Dictionary<string, RegistryCompany> companies, List<RegistryCompany> order)
    {
        if (!companies.TryGetValue(row.Company.Kvk, out var company))
        {
            company = row.Company;
            companies.Add(company.Kvk, company);
            order.Add(company);
        }

        if (row.Contact is not null && !company.Contacts.Contains(row.Contact))
        {
            company.Contacts.Add(row.Contact);
        }

        foreach (var asset in row.Assets.Where(a => !company.Assets.Contains(a)))
        {
            company.Assets.Add(asset);
        }
    }

    private static SepReader OpenReader(string text, string fileName)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true }).FromText(text);
        }
        catch (ArgumentException)
        {
            // Sep refuses repeated column names, which is what a data row read as a header looks like.
            throw new RegistryFileException($"{fileName}: line 1: no header row; expected: {string.Join(',', Columns)}");
        }
    }

    private static string Decode(byte[] content, string fileName)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw new RegistryFileException($"{fileName}: binary content (NUL byte); expected a UTF-8 CSV file");
        }

        try
        {
            var text = StrictUtf8.GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new RegistryFileException($"{fileName}: not valid UTF-8");
        }
    }

    private static int[] ResolveColumns(IReadOnlyList<string> header, string fileName)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (names.Count == 0 || missing.Count == Columns.Length)
        {
            throw new RegistryFileException($"{fileName}: line 1: no header row; expected: {string.Join(',', Columns)}");
        }

        if (missing.Count > 0)
        {
            throw new RegistryFileException($"{fileName}: line 1: header lacks column(s) {string.Join(", ", missing)}");
        }

        return Columns.Concat(OptionalColumns).Select(c => names.IndexOf(c)).ToArray();
    }
}
