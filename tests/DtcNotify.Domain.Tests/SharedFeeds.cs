namespace DtcNotify.Domain.Tests;

/// <summary>
/// Locates the shared sample feeds: walk up from the test binaries to the folder with DtcNotify.sln, then
/// ../shared/feeds. CI always has it; elsewhere the conformance tests are skipped, not failed.
/// </summary>
public static class SharedFeeds
{
    public static readonly string? Root = Find();

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DtcNotify.sln")))
            {
                var feeds = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "feeds"));
                return Directory.Exists(feeds) ? feeds : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs shared/feeds; skipped with a reason when it is absent.</summary>
public sealed class SharedFeedFactAttribute : FactAttribute
{
    public SharedFeedFactAttribute()
    {
        if (SharedFeeds.Root is null)
        {
            Skip = "shared/feeds not found next to the repository";
        }
    }
}
