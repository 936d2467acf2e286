using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DtcNotify.Feeds.Harmonisation;

/// <summary>
/// A read-only map whose values all live in one string, cut out on access. A Shadowserver row has twenty-odd extra
/// columns: one string per row instead of twenty keeps the garbage collector out of the hot path, and callers read
/// extras far less often than the parser writes them. The keys are one array shared by the rows that have the same
/// keys in the same order (<see cref="Keys"/>), and the value boundaries sit at the start of the string itself.
/// </summary>
internal sealed class ExtraFields : IReadOnlyDictionary<string, string>
{
    public static readonly ExtraFields Empty = new([], "", null);

    // Value boundaries fit in one char each while the values together are shorter than this; longer rows keep an int[].
    private const int PackedLimit = char.MaxValue;

    private readonly string[] _keys;
    private readonly string _text;
    private readonly int[]? _ends;

    /// <param name="keys">The keys, in order; never changed afterwards (rows share it).</param>
    /// <param name="text">With <paramref name="ends"/> null: one char per key holding the end of its value, then the values; else the values.</param>
    /// <param name="ends">The end of each value in <paramref name="text"/>, or null when the ends are packed in it.</param>
    private ExtraFields(string[] keys, string text, int[]? ends)
    {
        _keys = keys;
        _text = text;
        _ends = ends;
    }

    /// <summary>Copies the values the slices point at out of <paramref name="buffer"/>, in slice order.</summary>
    /// <param name="keys">The slices' keys in the same order, possibly shared with other rows.</param>
    public static ExtraFields Create(string[] keys, ReadOnlySpan<char> buffer, ReadOnlySpan<Slice> slices)
    {
        var valuesLength = 0;
        var inOrder = true; // no value was replaced: the buffer holds exactly the values, in slice order
        foreach (var slice in slices)
        {
            inOrder &= slice.Start == valuesLength;
            valuesLength += slice.Length;
        }

        var ends = valuesLength < PackedLimit ? null : new int[slices.Length];
        var length = valuesLength + (ends is null ? slices.Length : 0);
        var text = string.Create(length, new Source(buffer, slices, inOrder, ends), static (text, source) => source.Write(text));
        return new ExtraFields(keys, text, ends);
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys.Select(k => k);

    public IEnumerable<string> Values => Enumerable.Range(0, _keys.Length).Select(ValueOf);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = Array.IndexOf(_keys, key);
        value = index < 0 ? null : ValueOf(index);
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new(_keys[i], ValueOf(i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string ValueOf(int index)
    {
        var offset = _ends is null ? _keys.Length : 0;
        var start = index == 0 ? 0 : End(index - 1);
        return _text.Substring(offset + start, End(index) - start);
    }

    private int End(int index) => _ends is null ? _text[index] : _ends[index];

    /// <summary>One entry while a row is built: its key and where its value sits in the builder's buffer.</summary>
    internal readonly record struct Slice(string Key, int Start, int Length);

    /// <summary>The builder's values on their way into one string: their ends first (unless <c>ends</c> takes them), then the values.</summary>
    private readonly ref struct Source(ReadOnlySpan<char> buffer, ReadOnlySpan<Slice> slices, bool inOrder, int[]? ends)
    {
        private readonly ReadOnlySpan<char> _buffer = buffer;
        private readonly ReadOnlySpan<Slice> _slices = slices;

        public void Write(Span<char> text)
        {
            var values = text[(ends is null ? _slices.Length : 0)..];
            var end = 0;
            for (var i = 0; i < _slices.Length; i++)
            {
                var slice = _slices[i];
                if (!inOrder)
                {
                    _buffer.Slice(slice.Start, slice.Length).CopyTo(values[end..]);
                }

                end += slice.Length;
                if (ends is null)
                {
                    text[i] = (char)end;
                }
                else
                {
                    ends[i] = end;
                }
            }

            if (inOrder)
            {
                _buffer[..end].CopyTo(values); // one copy for the whole row
            }
        }
    }
}
