using DtcNotify.Cases.Posting;

namespace DtcNotify.Tests.Cases;

/// <summary>"posting done" takes the card's "Copy link" address: only a message in the specialists' channel is accepted.</summary>
public sealed class TeamsMessageLinkTests
{
    private const string Channel = "19:casechannel0123@thread.tacv2";

    [Theory]
    [InlineData("https://teams.microsoft.com/l/message/19%3Acasechannel0123%40thread.tacv2/1712345678901?tenantId=t&groupId=g&parentMessageId=1712345678901", "1712345678901")]
    [InlineData("  https://teams.microsoft.com/l/message/19:casechannel0123@thread.tacv2/42  ", "42")]
    [InlineData("https://teams.microsoft.com/l/message/19%3Aother%40thread.tacv2/1712345678901", null)] // another channel
    [InlineData("http://teams.microsoft.com/l/message/19%3Acasechannel0123%40thread.tacv2/1712345678901", null)] // not https
    [InlineData("https://teams.microsoft.com/l/message/19%3Acasechannel0123%40thread.tacv2/17123abc", null)] // not a message id
    [InlineData("https://teams.microsoft.com/l/channel/19%3Acasechannel0123%40thread.tacv2/General", null)] // a channel link
    [InlineData("DTC-2026-000001", null)]
    public void Only_a_message_of_the_specialists_channel_is_read(string link, string? messageId) =>
        Assert.Equal(messageId, TeamsMessageLink.MessageId(link, Channel));
}
