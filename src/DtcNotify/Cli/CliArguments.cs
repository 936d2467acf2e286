namespace DtcNotify.Cli;

/// <summary>Verb words, positional arguments and <c>--name [value]</c> options, parsed without magic.</summary>
internal sealed class CliArguments
{
    private static readonly HashSet<string> Flags = ["--json", "--force", "--post", "--verbose", "--dry-run"];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public bool Json => Has("--json");

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Get(string option) => _options.GetValueOrDefault(option);

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                parsed._options[arg[..eq]] = arg[(eq + 1)..];
            }
            else if (Flags.Contains(arg))
            {
                parsed._options[arg] = null;
            }
            else if (i + 1 < args.Count)
            {
                parsed._options[arg] = args[++i];
            }
            else
            {
                throw new CliUsageException($"option {arg} needs a value");
            }
        }

        return parsed;
    }

    /// <summary>Refuses options a verb does not know, so a typo is an error and not a silently ignored setting.</summary>
    public void Allow(params string[] options)
    {
        var unknown = _options.Keys.Except(options).Except(["--verbose"]).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option {string.Join(", ", unknown)}");
        }
    }
}

/// <summary>Bad usage or a bad input file: the CLI prints the message and exits with 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
