using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Playbook;

namespace DtcNotify.Cases;

/// <summary>What one import adds to one company × threat: the observations' count and times, and the playbook entry of the first.</summary>
internal sealed class CaseGroup(long companyId, string threat, PlaybookEntry entry)
{
    public long CompanyId { get; } = companyId;

    public string Threat { get; } = threat;

    public PlaybookEntry Entry { get; } = entry;

    /// <summary>The case the observations attach to; set when the import completes.</summary>
    public ThreatCase? Case { get; set; }

    public bool Created { get; set; }

    public int Count { get; private set; }

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public void Add(DateTimeOffset? seen)
    {
        Count++;
        if (seen is { } t)
        {
            First = First is null || t < First ? t : First;
            Last = Last is null || t > Last ? t : Last;
        }
    }
}
