using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class RemediationOptionsValidator : IValidateOptions<RemediationOptions>
{
    public ValidateOptionsResult Validate(string? name, RemediationOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(options.ResolveAfterReports is >= 1 and <= 30, "Remediation:ResolveAfterReports must be between 1 and 30.");
        errors.Require(options.FollowUpAfterDays is >= 1 and <= 365, "Remediation:FollowUpAfterDays must be between 1 and 365.");
        errors.Require(options.MaxFollowUps is >= 0 and <= 10, "Remediation:MaxFollowUps must be between 0 and 10.");
        return errors.Result();
    }
}
