using DtcNotify.Text;

namespace DtcNotify.Tests.Text;

public class PrintableTextTests
{
    [Fact]
    public void Terminal_control_characters_from_feed_values_are_neutralised() =>
        Assert.Equal("line 3: '?[2J?[31mred' is not an IP? ok", PrintableText.Safe("line 3: '\u001b[2J\u001b[31mred' is not an IP\r ok"));
}
