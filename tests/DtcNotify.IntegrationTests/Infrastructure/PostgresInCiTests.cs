namespace DtcNotify.IntegrationTests.Infrastructure;

public class PostgresInCiTests
{
    // Outside CI the PostgreSQL rows of the provider theories simply do not run; in CI that would hide a broken setup.
    [Fact]
    public void Ci_runs_the_postgres_tests()
    {
        if (Environment.GetEnvironmentVariable("CI") is "true" or "1")
        {
            Assert.NotNull(TestDatabase.PostgresAdmin);
        }
    }
}
