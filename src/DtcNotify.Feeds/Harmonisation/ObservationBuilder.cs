using System.Globalization;
using System.Runtime.InteropServices;
using DtcNotify.Domain.Assets;
using DtcNotify.Domain.Playbook;

namespace DtcNotify.Feeds.Harmonisation;

/// <summary>
/// Collects one event's fields with validation, then builds an <see cref="Observation"/>.
/// Reused across rows by every parser, so a row costs the observation and its strings, not a builder.
/// </summary>
internal sealed class ObservationBuilder
{
    private readonly List<ExtraFields.Slice> _extra = new(64);
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly string?[] _lastInterned = new string?[Enum.GetValues<CoreField>().Length];
    private char[] _extraText = new char[4096];
    private string[] _lastKeys = [];
    private int _extraLength;
    private readonly List<string> _cves = [];
    private DateTimeOffset? _time;
    private string? _ip;
    private int? _port;
    private long? _asn;
    private string? _fqdn;
    private string? _url;
    private string? _account;
    private string? _reverseDns;
    private string? _application;
    private string? _transport;
    private string? _taxonomy;
    private string? _type;
    private string? _identifier;
    private string? _tlp;
    private string? _feedName;

    public void Reset()
    {
        _extra.Clear();
        _extraLength = 0;
        _cves.Clear();
        _time = null;
        _port = null;
        _asn = null;
        _ip = _fqdn = _url = _account = _reverseDns = _application = _transport = null;
        _taxonomy = _type = _identifier = _tlp = _feedName = null;
    }

    /// <summary>Sets a core field from text; returns the reason when the value is not valid for it, else null.</summary>
    /// <param name="text">The value.</param>
    /// <param name="asString">The same value as a string when the caller already has one (saves a copy).</param>
    public string? Set(CoreField field, ReadOnlySpan<char> text, string? asString = null)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null; // empty cells mean "not given" in every feed format
        }

        if (asString is not null && asString.Length != text.Length)
        {
            asString = null; // it had surrounding white space; keep the trimmed text
        }

        switch (field)
        {
            case CoreField.TimeSource:
                return Timestamps.TryParse(text, out var time) ? SetTime(time) : $"'{Shorten(text)}' is not a timestamp";
            case CoreField.SourceIp:
                if (!IpText.TryCanonicalizeHostAddress(text, out var canonical))
                {
                    return $"'{Shorten(text)}' is not a valid host IP address";
                }

                _ip = canonical ?? asString ?? text.ToString();
                return null;
            case CoreField.SourcePort:
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
                    ? SetPort(port)
                    : $"'{Shorten(text)}' is not a port number";
            case CoreField.SourceAsn:
                var asnText = text.StartsWith("AS", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
                return long.TryParse(asnText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var asn)
                    ? SetAsn(asn)
                    : $"'{Shorten(text)}' is not an AS number";
            case CoreField.SourceFqdn:
                _fqdn = AssetText.TryParseFeedHost(text);
                return _fqdn is null ? $"'{Shorten(text)}' is not a valid host name" : null;
            case CoreField.SourceUrl:
                _url = Urls.Normalise(text);
                return _url is null ? $"'{Shorten(text)}' is not a valid URL" : null;
            case CoreField.SourceAccount:
                _account = AssetText.TryParseFeedEmail(text);
                return _account is null ? $"'{Shorten(text)}' is not a valid e-mail address" : null;
            case CoreField.SourceReverseDns:
                _reverseDns = asString ?? text.ToString();
                return null;
            case CoreField.ProtocolApplication:
                _application = Intern(field, text, asString, lower: true);
                return null;
            case CoreField.ProtocolTransport:
                _transport = Intern(field, text, asString, lower: true);
                return null;
            case CoreField.ClassificationTaxonomy:
                _taxonomy = Intern(field, text, asString, lower: true);
                return null;
            case CoreField.ClassificationType:
                _type = Intern(field, text, asString, lower: true);
                return null;
            case CoreField.ClassificationIdentifier:
                _identifier = Intern(field, text, asString, lower: false);
                return null;
            case CoreField.Tlp:
                _tlp = Tlps.Normalise(text);
                return _tlp is null ? $"'{Shorten(text)}' is not a TLP level" : null;
            case CoreField.FeedName:
                _feedName = Intern(field, text, asString, lower: false);
                return null;
            case CoreField.Cves:
                Cves.AddFrom(asString ?? text.ToString(), _cves);
                return null;
            default:
                return null;
        }
    }

    /// <summary>True once the event has something to match a company on: an IP address, host name, URL or e-mail address.</summary>
    public bool HasKey => _ip is not null || _fqdn is not null || _url is not null || _account is not null;

    public string? SetTime(DateTimeOffset value)
    {
        _time = value.ToUniversalTime();
        return null;
    }

    public string? SetPort(long value)
    {
        if (value is < 0 or > 65535)
        {
            return $"{value.ToString(CultureInfo.InvariantCulture)} is not a port number (0-65535)";
        }

        _port = (int)value;
        return null;
    }

    public string? SetAsn(long value)
    {
        if (value is < 1 or > uint.MaxValue)
        {
            return $"{value.ToString(CultureInfo.InvariantCulture)} is not an AS number (1-4294967295)";
        }

        _asn = value;
        return null;
    }

    public void AddCves(string? text) => Cves.AddFrom(text, _cves);

    /// <summary>Adds CVE ids already found and upper-cased (<see cref="Cves.AddFrom"/>'s output), each once.</summary>
    public void AddCves(string[] ids)
    {
        foreach (var id in ids)
        {
            if (!_cves.Contains(id))
            {
                _cves.Add(id);
            }
        }
    }

    /// <summary>Adds a field that has no property; a later value for the same key replaces the earlier one.</summary>
    public void AddExtra(string key, string value) => AddExtra(key, value.AsSpan());

    /// <inheritdoc cref="AddExtra(string, string)"/>
    public void AddExtra(string key, ReadOnlySpan<char> value) => AddExtra(key, value, knownUnique: false);

    /// <summary>Adds an extra; <paramref name="knownUnique"/> skips the duplicate-key scan when the caller guarantees it.</summary>
    /// <remarks>The scan is quadratic in the number of extras; the Shadowserver plan dedupes its keys once per file instead.</remarks>
    public void AddExtra(string key, ReadOnlySpan<char> value, bool knownUnique)
    {
        var slice = new ExtraFields.Slice(key, _extraLength, value.Length);
        Append(value);
        if (knownUnique)
        {
            _extra.Add(slice);
        }
        else
        {
            Put(slice);
        }
    }

    /// <summary>Adds an integer extra, formatted invariantly without an intermediate string.</summary>
    public void AddExtra(string key, long value, bool knownUnique)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        AddExtra(key, digits[..written], knownUnique);
    }

    private void Put(ExtraFields.Slice slice)
    {
        for (var i = 0; i < _extra.Count; i++)
        {
            if (string.Equals(_extra[i].Key, slice.Key, StringComparison.Ordinal))
            {
                _extra[i] = slice;
                return;
            }
        }

        _extra.Add(slice);
    }

    private void Append(ReadOnlySpan<char> value)
    {
        if (_extraLength + value.Length > _extraText.Length)
        {
            Array.Resize(ref _extraText, Math.Max(_extraText.Length * 2, _extraLength + value.Length));
        }

        value.CopyTo(_extraText.AsSpan(_extraLength));
        _extraLength += value.Length;
    }

    /// <summary>Builds the observation, or returns the reason it cannot be one (nothing to match a company on).</summary>
    public string? TryBuild(string? defaultIdentifier, out Observation? observation)
    {
        observation = null;
        if (!HasKey)
        {
            return "no source IP address, host name, URL or e-mail address";
        }

        var type = _type ?? Taxonomies.Undetermined;
        observation = new Observation
        {
            TimeSource = _time,
            SourceIp = _ip,
            SourcePort = _port,
            SourceAsn = _asn,
            SourceFqdn = _fqdn,
            SourceUrl = _url,
            SourceAccount = _account,
            SourceReverseDns = _reverseDns,
            ProtocolApplication = _application,
            ProtocolTransport = _transport,
            ClassificationTaxonomy = _taxonomy ?? Taxonomies.ForType(type),
            ClassificationType = type,
            ClassificationIdentifier = _identifier ?? defaultIdentifier,
            Cves = _cves.Count == 0 ? [] : _cves.ToArray(),
            Tlp = _tlp,
            FeedName = _feedName,
            Extra = _extra.Count == 0 ? ExtraFields.Empty : ExtraFields.Create(SharedKeys(), _extraText.AsSpan(0, _extraLength), CollectionsMarshal.AsSpan(_extra)),
        };
        return null;
    }

    // Rows of one file nearly always have the same extra keys in the same order: they share one key array.
    private string[] SharedKeys()
    {
        var slices = CollectionsMarshal.AsSpan(_extra);
        var keys = _lastKeys;
        var same = keys.Length == slices.Length;
        for (var i = 0; same && i < slices.Length; i++)
        {
            same = ReferenceEquals(keys[i], slices[i].Key) || string.Equals(keys[i], slices[i].Key, StringComparison.Ordinal);
        }

        if (!same)
        {
            keys = new string[slices.Length];
            for (var i = 0; i < slices.Length; i++)
            {
                keys[i] = slices[i].Key;
            }

            _lastKeys = keys;
        }

        return keys;
    }

    /// <summary>Cuts a feed value for use in a reason, so one huge cell cannot bloat a reject list.</summary>
    // A reject reason reaches the CLI, the summary and logs: the value is shown with its invisible characters as '?'.
    internal static string Shorten(ReadOnlySpan<char> text) =>
        Text.UntrustedText.Printable(text.Length <= 80 ? text.ToString() : string.Concat(text[..77], "..."));

    // Protocol, classification and feed names repeat on every row: keep one string per distinct value (bounded).
    private string Intern(CoreField field, ReadOnlySpan<char> text, string? asString, bool lower)
    {
        // Most rows repeat the previous row's value of each field: one comparison instead of a hash lookup.
        ref var last = ref _lastInterned[(int)field];
        if (last is not null && text.SequenceEqual(last))
        {
            return last;
        }

        return last = Intern(text, asString, lower);
    }

    private string Intern(ReadOnlySpan<char> text, string? asString, bool lower)
    {
        if (lower && text.ContainsAnyInRange('A', 'Z'))
        {
            return text.ToString().ToLowerInvariant();
        }

        if (asString is not null)
        {
            return asString; // constants and JSON strings already are one instance; only cells need interning
        }

        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = text.ToString();
        if (_interned.Count < 4096)
        {
            _interned[value] = value;
        }

        return value;
    }
}
