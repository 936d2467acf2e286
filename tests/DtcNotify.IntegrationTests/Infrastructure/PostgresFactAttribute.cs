using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>
/// A fact that needs the PostgreSQL test server (<see cref="TestDatabase.PostgresAdmin"/>): skipped, with the reason,
/// where <c>DTCNOTIFY_TEST_POSTGRES</c> is unset; with CI=true it always runs, so a missing server fails the build.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = Prerequisite.SkipUnlessCi(TestDatabase.PostgresAdmin is null
        ? $"No PostgreSQL test server: {TestDatabase.PostgresVariable} is unset. Run eval \"$(bash .ci/start-postgres)\" first."
        : null);
}
