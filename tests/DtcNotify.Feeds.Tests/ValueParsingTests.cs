using DtcNotify.Feeds.Harmonisation;

namespace DtcNotify.Feeds.Tests;

/// <summary>The validators every parser shares: what counts as an address, a host name, a time.</summary>
public sealed class ValueParsingTests
{
    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData(" 192.0.2.1 ", "192.0.2.1")]
    [InlineData("2001:0DB8:0000::0001", "2001:db8::1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("fe80::1%eth0", "fe80::1")]
    [InlineData("010.0.2.1", null)] // leading zeros: octal to some tools, refused rather than guessed
    [InlineData("192.0.2", null)]
    [InlineData("3221225985", null)]
    [InlineData("192.0.2.0/24", null)]
    [InlineData("0.0.0.0", null)]
    [InlineData("::", null)]
    [InlineData("256.0.0.1", null)]
    public void Source_IP_is_validated_and_canonical(string text, string? expected)
    {
        var builder = new ObservationBuilder();

        var reason = builder.Set(CoreField.SourceIp, text);

        Assert.Equal(expected is null, reason is not null);
        if (expected is not null)
        {
            builder.TryBuild(null, out var observation);
            Assert.Equal(expected, observation!.SourceIp);
        }
    }

    [Theory]
    [InlineData("2026-11-02 13:45:07", "2026-11-02T13:45:07Z")]
    [InlineData("2026-11-02T13:45:07+01:00", "2026-11-02T12:45:07Z")]
    [InlineData("2026-11-02 13:45:07 UTC", "2026-11-02T13:45:07Z")]
    [InlineData("Thur, 19 Apr 2018 13:32:41 GMT", "2018-04-19T13:32:41Z")]
    [InlineData("Sat, 1 Jan 2011 00:00:45 GMT", "2011-01-01T00:00:45Z")]
    [InlineData("Jan 14 08:04:50 2020 GMT", "2020-01-14T08:04:50Z")]
    [InlineData("2026-02-30 00:00:00", null)]
    [InlineData("2026-11-02 24:00:00", null)]
    [InlineData("soon", null)]
    public void Timestamps_parse_to_UTC_or_are_refused(string text, string? expectedUtc)
    {
        var parsed = Timestamps.TryParse(text, out var value);

        Assert.Equal(expectedUtc is not null, parsed);
        if (expectedUtc is not null)
        {
            Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), value);
            Assert.Equal(TimeSpan.Zero, value.Offset);
            Assert.Equal(value, DateTimeOffset.Parse(Timestamps.Format(value), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("http://acme.example/login", "http://acme.example/login")]
    [InlineData("acme.example/login", "http://acme.example/login")]
    [InlineData("HTTPS://Shop.Example.NL:443/Login?a=1#top", "https://shop.example.nl/Login?a=1#top")]
    [InlineData("http://acme.example:8080/x", "http://acme.example:8080/x")]
    [InlineData("http://bücher.example/straße", "http://xn--bcher-kva.example/stra%C3%9Fe")]
    [InlineData("http://acme.example/<script>", "http://acme.example/%3Cscript%3E")]
    [InlineData("http://acme.example/\u202elogin", null)] // RLO: reads as "nigol"; Uri would silently drop it
    [InlineData("http://acme.example/\u2066x\u2069", null)]
    [InlineData("http://acme.example/\u200ex", null)]
    [InlineData("http://acme.example/\u200fx", null)]
    [InlineData("http://acme.example/\u202ax", null)]
    [InlineData("http://acme.example/\ufeffx", null)]
    [InlineData("http://acme.example/\u200bx", null)]
    [InlineData("http://acme.example/\u2028x", null)]
    [InlineData("http://acme.example/\u0085x", null)]
    [InlineData("http://acme.ex\u00adample/", null)]
    [InlineData("http://acme.example/\U000E0041", null)] // a tag character: invisible text smuggled in
    public void URLs_are_stored_in_canonical_form_and_refused_with_invisible_characters(string text, string? expected)
    {
        var builder = new ObservationBuilder();

        var reason = builder.Set(CoreField.SourceUrl, text);

        Assert.Equal(expected is null, reason is not null);
        if (expected is null)
        {
            Assert.False(Text.UntrustedText.HasInvisible(reason), reason); // the reject reason shows them as '?'
            return;
        }

        builder.Set(CoreField.SourceIp, "192.0.2.1");
        builder.TryBuild(null, out var observation);
        Assert.Equal(expected, observation!.SourceUrl);
    }
}
