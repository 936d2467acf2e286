namespace DtcNotify.Benchmarks.Matching;

/// <summary>The shape of a generated registry. The defaults are the benchmark registry.</summary>
public sealed record RandomRegistryOptions
{
    public int Companies { get; init; } = 100_000;

    public int IPv4Ranges { get; init; } = 800_000;

    public int IPv6Ranges { get; init; } = 100_000;

    public int Domains { get; init; } = 100_000;

    /// <summary>The same seed gives the same registry, so runs (and other back ends) can be compared.</summary>
    public int Seed { get; init; } = 20261128;
}
