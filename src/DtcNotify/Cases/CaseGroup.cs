using DtcNotify.Domain.Cases;

namespace DtcNotify.Cases;

/// <summary>What one import adds to one company × threat: the case it attaches to and the observations' count and times.</summary>
internal sealed class CaseGroup(ThreatCase threatCase, bool created)
{
    public ThreatCase Case { get; } = threatCase;

    public bool Created { get; } = created;

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
