using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Hosting;

/// <summary>Fails start-up with messages that name the configuration key to fix.</summary>
public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.HasCredentials)
        {
            if (!options.AllowUnauthenticatedLocal)
            {
                failures.Add("Bot:AppId is required unless Bot:AllowUnauthenticatedLocal is true.");
            }
        }
        else
        {
            if (!Guid.TryParse(options.AppId, out _))
            {
                failures.Add("Bot:AppId must be the GUID of the bot's Entra app registration.");
            }

            if (string.IsNullOrWhiteSpace(options.AppPassword))
            {
                failures.Add("Bot:AppPassword is required when Bot:AppId is set.");
            }

            if (!Guid.TryParse(options.TenantId, out _))
            {
                failures.Add("Bot:TenantId is required (a GUID) when Bot:AppId is set: the bot is single-tenant.");
            }
        }

        RequireHttpsUrl(options.OpenIdMetadataUrl, "Bot:OpenIdMetadataUrl", failures);
        RequireHttpsUrl(options.AuthorityHost, "Bot:AuthorityHost", failures);
        if (string.IsNullOrWhiteSpace(options.TokenScope))
        {
            failures.Add("Bot:TokenScope must not be empty.");
        }

        RequirePositive(options.InvokeTimeout, "Bot:InvokeTimeout", failures);
        RequirePositive(options.ProcessingTimeout, "Bot:ProcessingTimeout", failures);
        RequirePositive(options.SigningKeyRefreshInterval, "Bot:SigningKeyRefreshInterval", failures);
        RequirePositive(options.AttemptTimeout, "Bot:AttemptTimeout", failures);
        RequirePositive(options.MaxRetryDelay, "Bot:MaxRetryDelay", failures);
        if (options.MinimumSigningKeyRefreshInterval < TimeSpan.Zero)
        {
            failures.Add("Bot:MinimumSigningKeyRefreshInterval must not be negative.");
        }

        if (options.QueueCapacity < 1 || options.MaxRequestBodyBytes < 1024 || options.MaxSendAttempts is < 1 or > 10)
        {
            failures.Add("Bot:QueueCapacity must be >= 1, Bot:MaxRequestBodyBytes >= 1024 and Bot:MaxSendAttempts 1..10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Signing keys and tokens travel over these URLs, so plain HTTP is never acceptable.
    private static void RequireHttpsUrl(string? value, string key, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{key} must be an absolute https URL.");
        }
    }

    private static void RequirePositive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive.");
        }
    }
}
