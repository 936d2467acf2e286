using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DtcNotify.Feeds;

/// <summary>A small read-only map over one array: cheaper per row than a Dictionary, and rows carry few keys.</summary>
internal sealed class ExtraFields : IReadOnlyDictionary<string, string>
{
    public static readonly ExtraFields Empty = new([]);

    private readonly KeyValuePair<string, string>[] _pairs;

    public ExtraFields(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    public int Count => _pairs.Length;

    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    public IEnumerable<string> Values => _pairs.Select(p => p.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        foreach (var pair in _pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
