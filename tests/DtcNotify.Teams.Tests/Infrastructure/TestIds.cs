namespace DtcNotify.Teams.Tests.Infrastructure;

/// <summary>The made-up identity of the bot under test.</summary>
public static class TestIds
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "test-secret-not-real";
    public const string TenantId = "00000000-aaaa-bbbb-cccc-111111111111";
    public const string OtherTenantId = "99999999-aaaa-bbbb-cccc-999999999999";
    public const string OtherAppId = "22222222-3333-4444-5555-666666666666";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/00000000-aaaa-bbbb-cccc-111111111111/";
    public const string BotId = "28:" + AppId;
    public const string ChannelId = "19:casechannel0123@thread.tacv2";
}
