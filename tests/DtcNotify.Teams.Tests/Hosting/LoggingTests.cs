using System.Net;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.Teams.Tests.Hosting;

public sealed class LoggingTests
{
    [Fact]
    public async Task Local_mode_is_announced_with_a_warning_at_start_up()
    {
        var logs = new CapturingLoggerProvider();
        await using var issuer = await LocalOpenIdIssuer.StartAsync();

        await using var host = await BotTestHost.StartAsync(
            issuer, BotTestHost.LocalMode, s => s.AddSingleton<ILoggerProvider>(logs));

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("Bot:AllowUnauthenticatedLocal is true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_local_mode_there_is_no_such_warning()
    {
        var logs = new CapturingLoggerProvider();
        await using var issuer = await LocalOpenIdIssuer.StartAsync();

        await using var host = await BotTestHost.StartAsync(issuer, services: s => s.AddSingleton<ILoggerProvider>(logs));

        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains("AllowUnauthenticatedLocal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rejections_are_logged_with_a_reason_but_never_with_the_token()
    {
        var logs = new CapturingLoggerProvider();
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await BotTestHost.StartAsync(issuer, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var token = issuer.CreateBotFrameworkToken(TestIds.OtherAppId, TestIds.ServiceUrl);

        var response = await host.PostWithTokenAsync(Activities.Invoke(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Text.Contains("Rejected inbound request", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(token.Split('.')[1], StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(TestIds.AppPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_alg_header_cannot_forge_a_log_line()
    {
        var logs = new CapturingLoggerProvider();
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await BotTestHost.StartAsync(issuer, services: s => s.AddSingleton<ILoggerProvider>(logs));
        static string Part(string json) => Base64UrlEncoder.Encode(System.Text.Encoding.UTF8.GetBytes(json));
        var token = $"{Part("{\"alg\":\"x\\nwarn: forged\",\"typ\":\"JWT\"}")}.{Part("{}")}.c2ln";

        var response = await host.PostWithTokenAsync(Activities.Invoke(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Text.Contains("algorithm 'x?warn: forged' is not allowed", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains("\nwarn: forged", StringComparison.Ordinal));
    }
}
