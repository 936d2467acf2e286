namespace DtcNotify.Domain.Sharing;

/// <summary>
/// The Traffic Light Protocol 2.0 levels (FIRST), from least to most restrictive, and what each allows DTC to do with
/// the information. Stored and shown in these spellings; the feeds read TLP 1.0's WHITE as <see cref="Clear"/>.
/// </summary>
public static class TlpLevel
{
    public const string Clear = "CLEAR";
    public const string Green = "GREEN";
    public const string Amber = "AMBER";
    public const string AmberStrict = "AMBER+STRICT";
    public const string Red = "RED";

    /// <summary>A source that does not say otherwise shares under AMBER: the company may be told, and may act on it.</summary>
    public const string Default = Amber;

    /// <summary>Least restrictive first: the index is the rank.</summary>
    public static IReadOnlyList<string> All { get; } = [Clear, Green, Amber, AmberStrict, Red];

    public static bool IsLevel(string? level) => level is not null && All.Contains(level);

    /// <summary>The stricter of two levels; a missing one adds nothing (a new case takes its first observation's level).</summary>
    public static string? MostRestrictive(string? a, string? b) =>
        a is null ? b : b is null ? a : Rank(a) >= Rank(b) ? Known(a) : Known(b);

    /// <summary>RED: for the named recipients only; DTC may not pass it on to the company without the source's permission.</summary>
    public static bool ForbidsNotification(string? level) => Known(level) == Red;

    /// <summary>AMBER+STRICT: the company's own organisation only, not its suppliers or customers.</summary>
    public static bool OwnContactsOnly(string? level) => Known(level) == AmberStrict;

    /// <summary>The level as stored, <see cref="Default"/> when none is known (cases from before TLP was kept).</summary>
    public static string Known(string? level) => IsLevel(level) ? level! : Default;

    private static int Rank(string? level) => All.IndexOf(Known(level));

    private static int IndexOf(this IReadOnlyList<string> levels, string level)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] == level)
            {
                return i;
            }
        }

        return -1;
    }
}
