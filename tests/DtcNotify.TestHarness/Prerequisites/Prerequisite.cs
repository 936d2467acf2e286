namespace DtcNotify.TestHarness;

/// <summary>
/// The one rule for tests that need something outside the repository (shared feeds, PostgreSQL, IMAP, node, Chromium):
/// on a developer's machine a missing prerequisite skips the test with a reason that says how to get it; with CI=true the
/// test runs anyway and fails, because there a missing prerequisite is a broken setup, never a reason to pass.
/// (Also compiled into DtcNotify.EndToEnd, which references nothing of ours.)
/// </summary>
public static class Prerequisite
{
    /// <summary>True when CI=true (or 1): CI must run every test.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { } value
        && (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The skip reason for a test attribute: <paramref name="missing"/> (what is missing and how to get it) outside CI,
    /// null when nothing is missing or in CI (so the test runs and fails there).
    /// </summary>
    public static string? SkipUnlessCi(string? missing) => missing is null || InCi ? null : missing;

    /// <summary>
    /// The folder holding DtcNotify.sln above the test binaries: the repository, whose sibling is shared/. Null when the
    /// binaries run outside a checkout.
    /// </summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><see cref="RepositoryRoot"/>, for tests that read the repository's own files and cannot run without them.</summary>
    public static string Repository => RepositoryRoot ?? throw new InvalidOperationException($"DtcNotify.sln not found above {AppContext.BaseDirectory}");

    /// <summary>The full path of <paramref name="program"/> in a folder on PATH, or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DtcNotify.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
