using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Playbook;

namespace DtcNotify.Cases;

/// <summary>What one import adds to one company × threat: the observations' count and times, and the playbook entry of the first.</summary>
internal sealed class CaseGroup(long companyId, string threat, PlaybookEntry entry)
{
    public long CompanyId { get; } = companyId;

    public string Threat { get; } = threat;

    public PlaybookEntry Entry { get; } = entry;

    /// <summary>
    /// The id of the case the observations attach to: the open case's, or the id reserved for the new case (while the
    /// file streams where the store reserves ids, else when the import completes; its observations are linked then).
    /// </summary>
    public long? CaseId { get; set; }

    /// <summary>True when <see cref="CaseId"/> is an open case's that existed before this import.</summary>
    public bool Existing { get; init; }

    /// <summary>The case the observations attach to; set when the import completes.</summary>
    public ThreatCase? Case { get; set; }

    public bool Created { get; set; }

    /// <summary>The <see cref="ThreatCase.Version"/> an existing case was read with: its update checks it (optimistic concurrency).</summary>
    public int LoadedVersion { get; set; }

    /// <summary>Which columns of an existing case this import changed besides its counts (only those are written back).</summary>
    public CaseAssembler.Change Changed { get; set; }

    public int Count { get; private set; }

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    /// <summary>The most restrictive TLP of this import's observations for the case.</summary>
    public string? Tlp { get; private set; }

    public void RaiseTlp(string tlp)
    {
        // Nearly every row repeats its feed's level: compare before ranking.
        if (tlp != Tlp)
        {
            Tlp = Domain.Sharing.TlpLevel.MostRestrictive(Tlp, tlp);
        }
    }

    /// <summary>The distinct addresses (IP, else host, URL, account or the matched asset) of an existing case's group: a sighting's reply counts them.</summary>
    public HashSet<string> Addresses { get; } = new(StringComparer.Ordinal);

    public void Add(DateTimeOffset? seen, string address)
    {
        if (Existing)
        {
            Addresses.Add(address);
        }

        Count++;
        if (seen is { } t)
        {
            First = First is null || t < First ? t : First;
            Last = Last is null || t > Last ? t : Last;
        }
    }
}
