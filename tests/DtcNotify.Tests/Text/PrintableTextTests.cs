using DtcNotify.Text;

namespace DtcNotify.Tests.Text;

public class PrintableTextTests
{
    [Fact]
    public void Terminal_control_characters_from_feed_values_are_neutralised() =>
        Assert.Equal("line 3: '?[2J?[31mred' is not an IP? ok", PrintableText.Safe("line 3: '\u001b[2J\u001b[31mred' is not an IP\r ok"));

    [Fact]
    public void Bidi_and_zero_width_characters_cannot_reorder_or_hide_part_of_a_log_line() =>
        Assert.Equal("file ?gpj.exe? and ?x?y??", PrintableText.Safe("file \u202Egpj.exe\u202C and \u2066x\u200By\uFEFF\u2028"));
}
