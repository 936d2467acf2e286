namespace DtcNotify.Matching;

/// <summary>Canonical names (domains, e-mail addresses) to owner slots, looked up without allocating.</summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, int> _slots;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable(Dictionary<string, int> slots)
    {
        _slots = slots;
        _lookup = slots.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _slots.Count;

    public bool TryFindExact(ReadOnlySpan<char> name, out int slot) => _lookup.TryGetValue(name, out slot);

    /// <summary>The name itself or its nearest registered parent domain: the most labels wins.</summary>
    public bool TryFindMostSpecific(ReadOnlySpan<char> name, out int slot)
    {
        while (true)
        {
            if (_lookup.TryGetValue(name, out slot))
            {
                return true;
            }

            var dot = name.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            name = name[(dot + 1)..];
        }
    }
}
