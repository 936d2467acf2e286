using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var errors = new ValidationErrors();
        errors.RequireUrl(options.ServiceUrl, "Teams:ServiceUrl");
        errors.Require(options.MaxCardsPerImport is >= 1 and <= 500, "Teams:MaxCardsPerImport must be between 1 and 500.");
        errors.Require(string.IsNullOrEmpty(options.TenantId) || Guid.TryParse(options.TenantId, out _), "Teams:TenantId must be a GUID.");
        errors.Require(options.Language is "nl" or "en", $"Teams:Language must be nl or en, not '{options.Language}'.");
        foreach (var analyst in options.Analysts)
        {
            errors.Require(Guid.TryParse(analyst, out _), $"Teams:Analysts entry '{analyst}' must be an Entra object id (GUID).");
        }

        return errors.Result();
    }
}
