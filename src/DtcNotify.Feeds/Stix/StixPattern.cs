using System.Text;
using DtcNotify.Feeds.Harmonisation;

namespace DtcNotify.Feeds.Stix;

/// <summary>
/// The part of the STIX 2.1 patterning language a notification needs: observation expressions
/// <c>[type:value = 'x']</c> joined by OR (inside or between brackets), over ipv4-addr, ipv6-addr, domain-name,
/// url and email-addr. Everything else (AND, FOLLOWEDBY, other operators, other properties, qualifiers) is refused
/// with a reason, since a partial reading of such a pattern would notify the wrong party.
/// </summary>
internal static class StixPattern
{
    public static readonly IReadOnlySet<string> SupportedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "ipv4-addr", "ipv6-addr", "domain-name", "url", "email-addr",
    };

    /// <summary>The (object type, value) pairs of the pattern, or the reason it cannot be read.</summary>
    public static string? TryParse(string pattern, out List<(string Type, string Value)> comparisons)
    {
        comparisons = [];
        var parser = new Parser(pattern);
        try
        {
            parser.ParseObservations(comparisons);
            parser.SkipSpace();
            return parser.AtEnd ? null : $"unexpected '{parser.Rest}' in pattern";
        }
        catch (FormatException e)
        {
            comparisons.Clear();
            return e.Message;
        }
    }

    private sealed class Parser(string text)
    {
        private int _position;
        private int _depth;

        public bool AtEnd => _position >= text.Length;

        public string Rest => ObservationBuilder.Shorten(text.AsSpan(_position));

        public void ParseObservations(List<(string, string)> into)
        {
            ParseObservation(into);
            while (TryKeyword("OR"))
            {
                ParseObservation(into);
            }

            SkipSpace();
            foreach (var keyword in (string[])["AND", "FOLLOWEDBY", "WITHIN", "START", "STOP", "REPEATS"])
            {
                if (TryKeyword(keyword))
                {
                    throw new FormatException($"pattern uses {keyword}; only observations joined by OR are supported");
                }
            }
        }

        public void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private void ParseObservation(List<(string, string)> into)
        {
            SkipSpace();
            if (TryChar('('))
            {
                if (++_depth > 32)
                {
                    throw new FormatException("pattern nests too deeply");
                }

                ParseObservations(into);
                Expect(')');
                _depth--;
                return;
            }

            Expect('[');
            ParseComparison(into);
            while (TryKeyword("OR"))
            {
                ParseComparison(into);
            }

            SkipSpace();
            if (TryKeyword("AND"))
            {
                throw new FormatException("pattern uses AND; only comparisons joined by OR are supported");
            }

            Expect(']');
        }

        private void ParseComparison(List<(string, string)> into)
        {
            SkipSpace();
            var start = _position;
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '-' or '_' or ':' or '.' or '\''))
            {
                _position++;
            }

            var path = text[start.._position];
            var colon = path.IndexOf(':', StringComparison.Ordinal);
            var type = colon < 0 ? path : path[..colon];
            if (colon < 0 || path[(colon + 1)..] != "value" || !SupportedTypes.Contains(type))
            {
                throw new FormatException($"object path '{ObservationBuilder.Shorten(path)}' is not supported (only {string.Join(", ", SupportedTypes)} :value)");
            }

            SkipSpace();
            if (!TryChar('='))
            {
                throw new FormatException("only the = comparison is supported");
            }

            SkipSpace();
            into.Add((type, ReadString()));
        }

        private string ReadString()
        {
            Expect('\'');
            var value = new StringBuilder();
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (c == '\'')
                {
                    return value.ToString();
                }

                if (c == '\\' && _position < text.Length)
                {
                    c = text[_position++];
                }

                value.Append(c);
            }

            throw new FormatException("unterminated string in pattern");
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _position, keyword, 0, keyword.Length) == 0
                && (_position + keyword.Length == text.Length || !char.IsAsciiLetter(text[_position + keyword.Length])))
            {
                _position += keyword.Length;
                return true;
            }

            return false;
        }

        private bool TryChar(char c)
        {
            if (_position < text.Length && text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryChar(c))
            {
                throw new FormatException(AtEnd ? $"pattern ends where '{c}' was expected" : $"expected '{c}' at '{Rest}'");
            }
        }
    }
}
