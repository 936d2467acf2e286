using Cronos;
using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(CronExpression.TryParse(options.Cron, out _), $"Digest:Cron '{options.Cron}' is not a 5-field cron expression.");
        errors.Require(TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), $"Digest:TimeZone '{options.TimeZone}' is not a known time zone.");
        return errors.Result();
    }
}
