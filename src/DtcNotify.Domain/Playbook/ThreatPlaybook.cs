using System.Collections.Frozen;

namespace DtcNotify.Domain.Playbook;

/// <summary>
/// The threat playbook: per classification identifier, CVE and classification type, the advice DTC gives.
/// Shipped as data (playbook.json, embedded) so the team edits text without touching code.
/// </summary>
public sealed class ThreatPlaybook
{
    public const string DefaultKey = "default";
    public const string TypePrefix = "type:";

    private const string ResourceName = "DtcNotify.Domain.Playbook.playbook.json";

    // Loaded once: the shipped playbook never changes while the process runs.
    private static readonly Lazy<ThreatPlaybook> Shipped = new(LoadShipped);

    private readonly FrozenDictionary<string, PlaybookEntry> _entries;

    private ThreatPlaybook(FrozenDictionary<string, PlaybookEntry> entries) => _entries = entries;

    /// <summary>Every key (entries and aliases), each with its entry.</summary>
    public IReadOnlyDictionary<string, PlaybookEntry> Entries => _entries;

    /// <summary>The playbook shipped with DtcNotify.</summary>
    public static ThreatPlaybook LoadDefault() => Shipped.Value;

    /// <summary>Reads and validates a playbook file (UTF-8 JSON).</summary>
    /// <exception cref="InvalidDataException">The file is not valid; the message names the entry and field.</exception>
    public static ThreatPlaybook Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new ThreatPlaybook(PlaybookReader.Read(json));
    }

    /// <summary>
    /// The best advice for an observation: its identifier, else the most severe of its CVEs, else its
    /// classification type, else the default. The returned entry's <see cref="PlaybookEntry.Key"/> says which matched.
    /// </summary>
    public PlaybookEntry Resolve(string? identifier, IEnumerable<string> cves, string? classificationType)
    {
        ArgumentNullException.ThrowIfNull(cves);
        // Only an identifier or CVE entry counts as exact: a feed's identifier "default" must not pose as one.
        if (Find(PlaybookReader.NormaliseKey(identifier)) is { IsSpecific: true } exact)
        {
            return exact;
        }

        // Several CVEs (a Shadowserver tag may list a few): warn about the worst; ties keep feed order.
        var byCve = cves.Select(Cves.Normalise).Select(Find).OfType<PlaybookEntry>()
            .OrderByDescending(e => e.Severity).FirstOrDefault();
        if (byCve is not null)
        {
            return byCve;
        }

        var type = PlaybookReader.NormaliseKey(classificationType);
        return (type is null ? null : Find(TypePrefix + type)) ?? _entries[DefaultKey];
    }

    /// <summary>The entry for exactly this key (identifier, CVE, <c>type:…</c> or <c>default</c>), if any.</summary>
    public PlaybookEntry? Find(string? key) =>
        key is not null && _entries.TryGetValue(key, out var entry) ? entry : null;

    private static ThreatPlaybook LoadShipped()
    {
        using var stream = typeof(ThreatPlaybook).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded playbook '{ResourceName}' is missing from the build.");
        return Load(stream);
    }
}
