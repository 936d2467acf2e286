using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class TriageOptionsValidator : IValidateOptions<TriageOptions>
{
    public ValidateOptionsResult Validate(string? name, TriageOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(options.MaxObservationAgeDays is >= 1 and <= 365, "Triage:MaxObservationAgeDays must be between 1 and 365.");
        errors.Require(options.CooldownDays is >= 0 and <= 365, "Triage:CooldownDays must be between 0 and 365.");
        return errors.Result();
    }
}
