namespace DtcNotify.Feeds.Tests;

/// <summary>
/// Locates the shared sample feeds: walk up from the test binaries to the folder with DtcNotify.sln, then
/// ../shared/feeds. CI always has it; elsewhere the conformance tests are skipped, not failed.
/// </summary>
public static class SharedFeeds
{
    public static readonly string? Root = Find();

    public static bool InCi => Environment.GetEnvironmentVariable("CI") is "true" or "1";

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException("shared/feeds is not available"), .. parts]);

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "DtcNotify.sln")))
            {
                var feeds = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "feeds"));
                return Directory.Exists(feeds) ? feeds : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs shared/feeds; skipped with a reason when it is absent, except in CI (<c>CI=true</c>), where it fails.</summary>
public sealed class SharedFeedFactAttribute : FactAttribute
{
    public SharedFeedFactAttribute()
    {
        if (SharedFeeds.Root is null && !SharedFeeds.InCi)
        {
            Skip = "shared/feeds not found next to the repository";
        }
    }
}

/// <summary>A theory that needs shared/feeds; skipped with a reason when it is absent, except in CI, where it fails.</summary>
public sealed class SharedFeedTheoryAttribute : TheoryAttribute
{
    public SharedFeedTheoryAttribute()
    {
        if (SharedFeeds.Root is null && !SharedFeeds.InCi)
        {
            Skip = "shared/feeds not found next to the repository";
        }
    }
}
