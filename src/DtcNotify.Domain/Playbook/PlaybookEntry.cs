namespace DtcNotify.Domain.Playbook;

/// <summary>The advice for one threat: what it is, how bad, how to reach the company, and what to do.</summary>
public sealed class PlaybookEntry
{
    private readonly Bilingual<string> _title;
    private readonly Bilingual<string> _explanation;
    private readonly Bilingual<IReadOnlyList<string>> _measures;

    internal PlaybookEntry(
        string key,
        string? aliasOf,
        ThreatSeverity severity,
        PlaybookChannel channel,
        Bilingual<string> title,
        Bilingual<string> explanation,
        Bilingual<IReadOnlyList<string>> measures)
    {
        Key = key;
        AliasOf = aliasOf;
        Kind = KindOf(key);
        Severity = severity;
        Channel = channel;
        _title = title;
        _explanation = explanation;
        _measures = measures;
    }

    /// <summary>The key that matched: an identifier, a CVE id, <c>type:&lt;type&gt;</c> or <c>default</c>.</summary>
    public string Key { get; }

    /// <summary>The entry this key shares its advice with, when <see cref="Key"/> is an alias; otherwise null.</summary>
    public string? AliasOf { get; }

    public PlaybookEntryKind Kind { get; }

    public ThreatSeverity Severity { get; }

    public PlaybookChannel Channel { get; }

    /// <summary>True when the entry is about this very threat, not a type or default fallback.</summary>
    public bool IsSpecific => Kind is PlaybookEntryKind.Identifier or PlaybookEntryKind.Cve;

    /// <param name="language"><c>nl</c> or <c>en</c>; anything else gets Dutch, DTC's working language.</param>
    public string Title(string? language) => _title.For(language);

    /// <inheritdoc cref="Title"/>
    public string Explanation(string? language) => _explanation.For(language);

    /// <inheritdoc cref="Title"/>
    public IReadOnlyList<string> Measures(string? language) => _measures.For(language);

    /// <summary>The same advice under another key (an alias).</summary>
    internal PlaybookEntry WithKey(string alias) => new(alias, Key, Severity, Channel, _title, _explanation, _measures);

    public override string ToString() => $"{Key} ({Severity}, {Channel})";

    internal static PlaybookEntryKind KindOf(string key) =>
        key == ThreatPlaybook.DefaultKey ? PlaybookEntryKind.Default
        : key.StartsWith(ThreatPlaybook.TypePrefix, StringComparison.Ordinal) ? PlaybookEntryKind.Type
        : Cves.IsCve(key) ? PlaybookEntryKind.Cve
        : PlaybookEntryKind.Identifier;
}
