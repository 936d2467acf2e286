using Xunit;

namespace DtcNotify.TestHarness;

/// <summary>
/// The shared sample feeds, read in place from ../shared/feeds beside the repository (never copied into it). CI always
/// has them; elsewhere the tests that need them are skipped with a reason (<see cref="Prerequisite"/>).
/// </summary>
public static class SharedFeeds
{
    public const string Missing = "shared/feeds not found next to the repository";

    /// <summary>The feeds folder, or null when it is absent.</summary>
    public static readonly string? Root = Prerequisite.RepositoryRoot is { } repository
        && System.IO.Path.GetFullPath(System.IO.Path.Combine(repository, "..", "shared", "feeds")) is var feeds && Directory.Exists(feeds)
            ? feeds
            : null;

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException(Missing), .. parts]);
}

/// <summary>A fact that needs shared/feeds: skipped with the reason when absent, except in CI, where it fails.</summary>
public sealed class SharedFeedFactAttribute : FactAttribute
{
    public SharedFeedFactAttribute() => Skip = Prerequisite.SkipUnlessCi(SharedFeeds.Root is null ? SharedFeeds.Missing : null);
}

/// <summary>A theory that needs shared/feeds: skipped with the reason when absent, except in CI, where it fails.</summary>
public sealed class SharedFeedTheoryAttribute : TheoryAttribute
{
    public SharedFeedTheoryAttribute() => Skip = Prerequisite.SkipUnlessCi(SharedFeeds.Root is null ? SharedFeeds.Missing : null);
}
