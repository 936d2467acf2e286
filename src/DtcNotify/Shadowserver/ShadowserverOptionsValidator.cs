using Cronos;
using DtcNotify.Options;
using Microsoft.Extensions.Options;

namespace DtcNotify.Shadowserver;

internal sealed class ShadowserverOptionsValidator(IOptions<SourcesOptions> sources) : IValidateOptions<ShadowserverOptions>
{
    public ValidateOptionsResult Validate(string? name, ShadowserverOptions options)
    {
        var errors = new ValidationErrors();
        RequireHttps(errors, options.SchemaUrl, "Shadowserver:SchemaUrl");
        RequireCron(errors, options.SchemaRefreshCron, "Shadowserver:SchemaRefreshCron", optional: true);
        if (!options.CollectorEnabled)
        {
            return errors.Result();
        }

        errors.RequireValue(options.ApiSecret, "Shadowserver:ApiSecret", " when Shadowserver:ApiKey is set");
        errors.RequireValue(options.Source, "Shadowserver:Source", " when Shadowserver:ApiKey is set");
        errors.Require(string.IsNullOrWhiteSpace(options.Source) || sources.Value.Sources.ContainsKey(options.Source),
            $"Shadowserver:Source '{options.Source}' is not a configured source (Sources:<name>).");
        RequireHttps(errors, options.ApiUrl, "Shadowserver:ApiUrl");
        RequireHttps(errors, options.DownloadUrl, "Shadowserver:DownloadUrl");
        errors.Require(options.Days is >= 1 and <= 10, $"Shadowserver:Days must be 1 to 10, not {options.Days}.");
        errors.Require(options.TimeoutSeconds is >= 1 and <= 3600, $"Shadowserver:TimeoutSeconds must be 1 to 3600, not {options.TimeoutSeconds}.");
        errors.Require(options.Reports.All(r => !string.IsNullOrWhiteSpace(r)), "Shadowserver:Reports has an empty entry.");
        RequireCron(errors, options.Cron, "Shadowserver:Cron", optional: false);
        return errors.Result();
    }

    // The API key travels in every request body and the reports hold our companies' weaknesses: never over plain HTTP.
    private static void RequireHttps(ValidationErrors errors, string? url, string key) =>
        errors.Require(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, $"{key} must be an absolute https URL, not '{url}'.");

    private static void RequireCron(ValidationErrors errors, string? cron, string key, bool optional)
    {
        if (!(optional && string.IsNullOrWhiteSpace(cron)))
        {
            errors.Require(cron is not null && CronExpression.TryParse(cron, out _), $"{key} '{cron}' is not a 5-field cron expression.");
        }
    }
}
