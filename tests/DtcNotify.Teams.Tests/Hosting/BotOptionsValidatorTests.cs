using DtcNotify.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace DtcNotify.Teams.Tests.Hosting;

public sealed class BotOptionsValidatorTests
{
    private static readonly BotOptionsValidator Validator = new();

    [Fact]
    public void Complete_credentials_are_valid()
    {
        var result = Validator.Validate(null, Valid());

        Assert.True(result.Succeeded);
    }

    private static BotOptionsValidator In(string environment, bool forwardedHeaders = false) => new(
        new HostingEnvironment { EnvironmentName = environment },
        new ConfigurationBuilder().AddInMemoryCollection([new(BotOptionsValidator.ForwardedHeadersKey, forwardedHeaders ? "true" : null)]).Build());

    [Fact]
    public void Local_mode_needs_no_credentials_in_Development()
    {
        var result = In(Environments.Development).Validate(null, new BotOptions { AllowUnauthenticatedLocal = true });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("Production", false, false, "the environment is Production, not Development")]
    [InlineData("Staging", false, false, "the environment is Staging, not Development")]
    [InlineData("Development", true, false, "Bot:AppId is set")]
    [InlineData("Development", false, true, "forwarded headers are enabled")]
    public void Local_mode_is_refused_outside_Development_with_an_app_id_or_with_forwarded_headers_in_one_line_naming_the_key(
        string environment, bool withAppId, bool forwardedHeaders, string reason)
    {
        var options = withAppId ? Valid() : new BotOptions();
        options.AllowUnauthenticatedLocal = true;

        var result = In(environment, forwardedHeaders).Validate(null, options);

        var failure = Assert.Single(result.Failures!, f => f.Contains("AllowUnauthenticatedLocal", StringComparison.Ordinal));
        Assert.StartsWith("Bot:AllowUnauthenticatedLocal", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void Without_a_host_environment_local_mode_is_refused()
    {
        var result = Validator.Validate(null, new BotOptions { AllowUnauthenticatedLocal = true });

        Assert.Contains(result.Failures!, f => f.StartsWith("Bot:AllowUnauthenticatedLocal", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_app_id_names_the_key_and_the_way_out()
    {
        var result = Validator.Validate(null, new BotOptions());

        Assert.Contains("Bot:AppId is required unless Bot:AllowUnauthenticatedLocal is true.", result.Failures!);
    }

    [Theory]
    [InlineData("AppPassword", "Bot:AppPassword")]
    [InlineData("TenantId", "Bot:TenantId")]
    [InlineData("OpenIdMetadataUrl", "Bot:OpenIdMetadataUrl")]
    [InlineData("AuthorityHost", "Bot:AuthorityHost")]
    public void Each_failure_names_its_key(string property, string key)
    {
        var options = Valid();
        switch (property)
        {
            case "AppPassword": options.AppPassword = ""; break;
            case "TenantId": options.TenantId = "contoso"; break;
            case "OpenIdMetadataUrl": options.OpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration"; break;
            case "AuthorityHost": options.AuthorityHost = "login.microsoftonline.com"; break;
        }

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_the_public_cloud_and_local_mode_is_off()
    {
        var options = new BotOptions();

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com", options.AuthorityHost);
        Assert.Equal("https://api.botframework.com/.default", options.TokenScope);
        Assert.False(options.AllowUnauthenticatedLocal);
    }

    private static BotOptions Valid() => new()
    {
        AppId = Infrastructure.TestIds.AppId,
        AppPassword = "secret",
        TenantId = Infrastructure.TestIds.TenantId,
    };
}
