using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new ValidationErrors();
        errors.RequireValue(options.ConnectionString, "ConnectionStrings:DtcNotify");
        errors.Require(Enum.IsDefined(options.Provider), "Database:Provider must be Sqlite or Postgres.");
        return errors.Result();
    }
}
