namespace DtcNotify.IntegrationTests.Infrastructure;

public class PostgresInCiTests
{
    // The provider theories simply leave out their PostgreSQL rows without a server; this one is skipped with the reason
    // outside CI and fails in CI, where a missing server would otherwise hide every PostgreSQL row.
    [PostgresFact]
    public void Ci_runs_the_postgres_tests() => Assert.NotNull(TestDatabase.PostgresAdmin);
}
