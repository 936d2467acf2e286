using DtcNotify.Teams.Hosting;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task A_host_without_an_app_id_and_without_local_mode_refuses_to_start()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotTestHost.StartAsync(issuer, s => s["Bot:AppId"] = null));

        Assert.Contains("Bot:AppId is required unless Bot:AllowUnauthenticatedLocal is true.", error.Failures);
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Development", "ASPNETCORE_FORWARDEDHEADERS_ENABLED")]
    public async Task A_host_with_local_mode_outside_Development_or_behind_forwarded_headers_refuses_to_start(string environment, string? forwardedHeaders)
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestHost.StartAsync(
            issuer,
            s =>
            {
                BotTestHost.LocalMode(s);
                if (forwardedHeaders is not null)
                {
                    s[BotOptionsValidator.ForwardedHeadersKey] = "true";
                }
            },
            environment: environment));

        Assert.Single(error.Failures, f => f.StartsWith("Bot:AllowUnauthenticatedLocal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_are_bound_from_the_Bot_section()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();

        await using var host = await BotTestHost.StartAsync(issuer, s => s["Bot:InvokeTimeout"] = "00:00:07");

        var options = host.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        Assert.Equal((TestIds.AppId, TestIds.TenantId, TimeSpan.FromSeconds(7)), (options.AppId, options.TenantId, options.InvokeTimeout));
        Assert.Equal(issuer.BotFrameworkMetadataUrl, options.OpenIdMetadataUrl);
    }
}
