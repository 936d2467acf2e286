using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using static DtcNotify.IntegrationTests.Intake.FeedIntakeTestData;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary>POST /api/feeds/{source} on the running app: key checks, size limit, and a good post that creates an import and cases.</summary>
public class FeedUploadEndpointTests
{
    private static HttpRequestMessage Post(string source, HttpContent content, string? bearer = null, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/feeds/{source}", UriKind.Relative)) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("lds", "wrong-key")]
    [InlineData("lds", null)]
    [InlineData("unknown", Key)]
    [InlineData("nokey", Key)]
    [InlineData("nokey", "")]
    public async Task Missing_or_wrong_keys_and_unknown_sources_get_the_same_bare_401(string source, string? key)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = new DtcNotifyApp(database, settings: Settings());
        var client = app.CreateClient();

        var response = await client.SendAsync(Post(source, Json(IntelMqEvents(DateTimeOffset.UtcNow)), bearer: key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Imports.CountAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_Feeds_MaxFileBytes_gets_413_with_or_without_Content_Length(bool announceLength)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = new DtcNotifyApp(database, settings: Settings(("Feeds:MaxFileBytes", "300")));
        var client = app.CreateClient();
        var body = Encoding.UTF8.GetBytes(IntelMqEvents(DateTimeOffset.UtcNow));
        HttpContent content = announceLength ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));

        var response = await client.SendAsync(Post("lds", content, apiKey: Key));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Feeds:MaxFileBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Imports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_good_post_creates_an_import_and_cases_and_the_same_post_again_is_a_duplicate(string provider)
    {
        await using var database = await WithRegistryAsync(provider);
        await using var app = new DtcNotifyApp(database, settings: Settings());
        var client = app.CreateClient();
        var events = IntelMqEvents(DateTimeOffset.UtcNow);

        var response = await client.SendAsync(Post("lds", Json(events), bearer: Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("intelmq", "lds", 4, 3, 1), (summary.GetProperty("format").GetString(), summary.GetProperty("source").GetString(),
            summary.GetProperty("observations").GetInt32(), summary.GetProperty("matched").GetInt32(), summary.GetProperty("unmatched").GetInt32()));
        Assert.Equal(2, summary.GetProperty("cases").GetProperty("created").GetInt32());
        await using (var db = database.CreateContext())
        {
            var import = await db.Imports.SingleAsync();
            Assert.Equal("lds", import.Source);
            Assert.StartsWith("api-lds-", import.FileName, StringComparison.Ordinal);
            Assert.Equal(2, await db.Cases.CountAsync());
        }

        var again = await client.SendAsync(Post("lds", Json(events), apiKey: Key));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("duplicate").GetBoolean());
        await using var after = database.CreateContext();
        Assert.Equal(1, await after.Imports.CountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_IntelMQ_JSON_gets_400_with_the_reason_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = new DtcNotifyApp(database, settings: Settings());
        var client = app.CreateClient();

        var response = await client.SendAsync(Post("lds", Json("[{\"source.ip\": \"192.0.2.1\"}, {oops"), bearer: Key));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("JSON", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Imports.CountAsync());
    }

    /// <summary>A body whose length the client cannot announce (chunked), so only the limit while reading can catch it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task An_unauthenticated_source_name_reaches_the_log_without_invisible_characters()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var logs = new CapturingLoggerProvider();
        await using var app = new DtcNotifyApp(database, settings: Settings(), services: s => s.AddSingleton<ILoggerProvider>(logs));
        var client = app.CreateClient();
        var hostile = "lds\u202Etxt.exe\u2066\u200E\u200F\u202A\uFEFF\u2028\u0085\nwarn: forged\u001B[2J";

        var response = await client.SendAsync(Post(Uri.EscapeDataString(hostile), Json("{}"), bearer: Key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var line = Assert.Single(logs.Entries, e => e.Text.Contains("txt.exe", StringComparison.Ordinal)).Text;
        Assert.Empty(InvisibleText.Found(line));
        Assert.Contains("lds?txt.exe", line, StringComparison.Ordinal);
    }
}
