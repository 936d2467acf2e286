using System.Net;
using DtcNotify.Data;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Hosting;

public class HealthTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Healthz_answers_200_once_the_database_is_migrated(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new DtcNotifyApp(database);

        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_does_not()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = new DtcNotifyApp(database);
        var client = app.CreateClient();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE companies");
        }

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Development_seeds_fictional_demo_companies_on_an_empty_database_only()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using (var app = new DtcNotifyApp(database, demoRegistry: true))
        {
            app.CreateClient();
        }

        await using var db = database.CreateContext();
        var assets = await db.Assets.Select(a => a.Value).ToListAsync();
        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.True(IsDocumentationSpace(a), $"{a} is not documentation address space or .example"));
        var count = await db.Companies.CountAsync();
        await using (var again = new DtcNotifyApp(database, demoRegistry: true))
        {
            again.CreateClient();
        }

        Assert.Equal(count, await db.Companies.CountAsync());
    }

    private static bool IsDocumentationSpace(string asset) =>
        asset.StartsWith("192.0.2.", StringComparison.Ordinal) || asset.StartsWith("198.51.100.", StringComparison.Ordinal)
        || asset.StartsWith("203.0.113.", StringComparison.Ordinal) || asset.StartsWith("2001:db8:", StringComparison.Ordinal)
        || asset.EndsWith(".example", StringComparison.Ordinal);
}
