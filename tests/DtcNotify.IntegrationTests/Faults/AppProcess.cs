using DtcNotify.EndToEnd.Infrastructure;
using DtcNotify.IntegrationTests.Cases;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// The built service (<c>dotnet dtcnotify.dll</c>, as the end-to-end suite starts it) as its own process on a
/// <see cref="CardsWorld"/>'s database and fake connector, so a test can SIGKILL it at any moment and start it again.
/// </summary>
internal static class AppProcess
{
    public static Task<AppUnderTest> StartAsync(CardsWorld world, IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        AppUnderTest.StartAsync(
            Directory.CreateTempSubdirectory("dtcnotify-fault-").FullName,
            TimeSpan.FromSeconds(90),
            [.. world.Database.Settings(), .. world.Settings, new("Digest:Enabled", "false"), .. settings ?? []]);
}
