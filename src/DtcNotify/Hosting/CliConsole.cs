namespace DtcNotify.Hosting;

/// <summary>Where the CLI writes: results to <see cref="Out"/>, messages and errors to <see cref="Error"/> (so --json stays clean).</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error);
}
