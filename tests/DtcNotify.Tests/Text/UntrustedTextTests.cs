using DtcNotify.TestHarness;
using DtcNotify.Text;

namespace DtcNotify.Tests.Text;

/// <summary>The one untrusted-text rule (issue #13 points 5 and 6) that every sink builds on.</summary>
public sealed class UntrustedTextTests
{
    public static IEnumerable<object[]> EachInvisible() => InvisibleText.EachBetween("acme", "login");

    [Theory]
    [MemberData(nameof(EachInvisible))]
    public void Clean_takes_out_every_control_format_and_separator_character(string hostile)
    {
        var clean = UntrustedText.Clean(hostile);

        Assert.Empty(InvisibleText.Found(clean));
        Assert.Matches("^acme ?login$", clean); // controls and breaks become a space, format characters go
        Assert.True(UntrustedText.HasInvisible(hostile));
        Assert.False(UntrustedText.HasInvisible(clean));
    }

    [Theory]
    [MemberData(nameof(EachInvisible))]
    public void Printable_shows_every_invisible_character_as_a_question_mark(string hostile)
    {
        Assert.Equal("acme?login", UntrustedText.Printable(hostile));
    }

    [Fact]
    public void Multiline_text_keeps_one_line_feed_per_line_break_and_nothing_else()
    {
        Assert.Equal("one\ntwo\nthree\nfour\nfive six", UntrustedText.Clean("one\r\ntwo\rthree\u2028four\u0085five\u202E\tsix", multiline: true));
        Assert.Equal("one two three", UntrustedText.Clean("one\r\ntwo\u2029three"));
    }

    [Fact]
    public void A_bound_cuts_with_an_ellipsis_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("abc…", UntrustedText.Clean("abcdef", 3));
        Assert.Equal("a…", UntrustedText.Clean("a😀b", 2));
        Assert.Equal("a😀…", UntrustedText.Clean("a😀b", 3));
        Assert.Equal("abc", UntrustedText.Clean("abc", 3));
    }

    [Fact]
    public void Lone_surrogates_are_removed_and_visible_text_is_kept_as_it_is()
    {
        Assert.Equal("ab", UntrustedText.Clean("a\uD800b"));
        Assert.Equal("a?b", UntrustedText.Printable("a\uDC00b"));
        const string visible = "Bakkerij De Gouden Korst B.V. · ÉÉN 😀 {{x}} ${y} <at>";
        Assert.Same(visible, UntrustedText.Clean(visible));
        Assert.Equal(visible, UntrustedText.Printable(visible));
    }
}
