using System.Text.RegularExpressions;
using DtcNotify.TestHarness;

namespace DtcNotify.Tests.Database;

/// <summary>
/// Provider-specific SQL and checks live in DtcNotify.Data (the import store, <c>WriteLock</c>): a host file that calls
/// SQLite's native API or asks which database it runs on would be the first of a new scatter. The composition root's
/// choice of the DbContext by <c>Database:Provider</c> (Database/DatabaseExtensions) is configuration and stays allowed.
/// </summary>
public sealed partial class HostStaysProviderNeutralTests
{
    [Fact]
    public void The_host_has_no_SQLite_native_calls_and_no_provider_checks()
    {
        var host = Path.Combine(Prerequisite.Repository, "src", "DtcNotify");
        var offenders = Directory.EnumerateFiles(host, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(host, f), Line: i + 1, Text: line)))
            .Where(l => ProviderSpecific().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "provider-specific code in the host:\n" + string.Join('\n', offenders));
    }

    [GeneratedRegex(@"SQLitePCL|\bIsSqlite\(|\bIsNpgsql\(|\bSqliteException\b|ProviderName\s*==|\bsqlite3_")]
    private static partial Regex ProviderSpecific();
}
