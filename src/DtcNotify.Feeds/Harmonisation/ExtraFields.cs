using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DtcNotify.Feeds.Harmonisation;

/// <summary>
/// A read-only map whose values all live in one string, cut out on access. A Shadowserver row has twenty-odd extra
/// columns: one string and one small array per row instead of twenty strings keeps the garbage collector out of the
/// hot path, and callers read extras far less often than the parser writes them.
/// </summary>
internal sealed class ExtraFields : IReadOnlyDictionary<string, string>
{
    public static readonly ExtraFields Empty = new("", []);

    private readonly string _values;
    private readonly Slice[] _slices;

    public ExtraFields(string values, Slice[] slices)
    {
        _values = values;
        _slices = slices;
    }

    public int Count => _slices.Length;

    public IEnumerable<string> Keys => _slices.Select(s => s.Key);

    public IEnumerable<string> Values => _slices.Select(ValueOf);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        foreach (var slice in _slices)
        {
            if (string.Equals(slice.Key, key, StringComparison.Ordinal))
            {
                value = ValueOf(slice);
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var slice in _slices)
        {
            yield return new(slice.Key, ValueOf(slice));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string ValueOf(Slice slice) => _values.Substring(slice.Start, slice.Length);

    /// <summary>One entry: its key and where its value sits in the shared string.</summary>
    internal readonly record struct Slice(string Key, int Start, int Length);
}
