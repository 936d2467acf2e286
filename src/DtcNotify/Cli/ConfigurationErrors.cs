using Microsoft.Extensions.Options;

namespace DtcNotify.Cli;

/// <summary>
/// Configuration errors as the operator should see them: one line per failed key (every validator's message names its
/// key), never a stack trace. Used by the CLI verbs and by <c>serve</c>.
/// </summary>
internal static class ConfigurationErrors
{
    /// <summary>The lines for a configuration error, or null when <paramref name="error"/> is something else.</summary>
    public static IReadOnlyList<string>? Describe(Exception error) => error switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(e => Describe(e) is not null) =>
            [.. all.InnerExceptions.SelectMany(e => Describe(e)!)],
        // The binder's own message names the key and the value: "Failed to convert configuration value 'x' at 'A:B' to type …".
        InvalidOperationException { InnerException: not null } binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [binding.Message],
        _ => null,
    };

    public static async Task<int> PrintAsync(IReadOnlyList<string> lines, TextWriter error)
    {
        foreach (var line in lines.Distinct(StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"dtcnotify: configuration: {Text.PrintableText.Safe(line)}");
        }

        return ExitCodes.BadUsage;
    }
}
