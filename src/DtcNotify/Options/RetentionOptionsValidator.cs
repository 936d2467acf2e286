using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(options.ObservationDays is >= 1 and <= 3650, "Retention:ObservationDays must be between 1 and 3650.");
        errors.Require(options.ClosedCaseDays is >= 1 and <= 3650, "Retention:ClosedCaseDays must be between 1 and 3650.");
        return errors.Result();
    }
}
