namespace DtcNotify.Domain.Playbook;

// The file's shape as the team edits it. Everything is nullable so that a missing field reaches the
// validator (which names the entry and field) instead of failing deep inside the deserializer.

/// <summary>The root of playbook.json.</summary>
internal sealed record PlaybookDocument
{
    /// <summary>Free text for editors; ignored.</summary>
    public string? About { get; init; }

    public Dictionary<string, PlaybookEntryDocument?>? Entries { get; init; }
}

/// <summary>One entry as written in playbook.json.</summary>
internal sealed record PlaybookEntryDocument
{
    public string? Severity { get; init; }

    public string? Channel { get; init; }

    public LocalizedText? Title { get; init; }

    public LocalizedText? Explanation { get; init; }

    public LocalizedList? Measures { get; init; }

    /// <summary>Other keys with the same advice (e.g. Shadowserver's test and legacy names).</summary>
    public IReadOnlyList<string?>? Aliases { get; init; }
}

/// <summary>A text in both languages DTC writes in.</summary>
internal sealed record LocalizedText
{
    public string? Nl { get; init; }

    public string? En { get; init; }
}

/// <summary>A list of texts in both languages.</summary>
internal sealed record LocalizedList
{
    public IReadOnlyList<string?>? Nl { get; init; }

    public IReadOnlyList<string?>? En { get; init; }
}
