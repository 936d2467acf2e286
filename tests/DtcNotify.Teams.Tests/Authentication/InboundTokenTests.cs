using System.Net;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.Teams.Tests.Authentication;

/// <summary>Forged, malformed and valid tokens sent through the real HTTP pipeline (MapBotMessages on 127.0.0.1).</summary>
public sealed class InboundTokenTests(BotHostFixture fixture) : IClassFixture<BotHostFixture>
{
    private LocalOpenIdIssuer Issuer => fixture.Issuer;

    [Fact]
    public async Task A_valid_Bot_Framework_token_is_accepted_and_the_invoke_answered()
    {
        var token = Issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl);

        var response = await fixture.Host.PostWithTokenAsync(Activities.Invoke(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("done: case.approve CASE-2291", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false, TestIds.AppId)]
    [InlineData(true, TestIds.AppId)]
    [InlineData(false, "api://" + TestIds.AppId)]
    public async Task A_valid_Entra_token_of_the_bots_tenant_is_accepted(bool v1Issuer, string audience)
    {
        var token = Issuer.CreateEntraToken(audience, TestIds.TenantId, TestIds.ServiceUrl, v1Issuer);

        var response = await fixture.Host.PostWithTokenAsync(Activities.Invoke(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_expired_less_than_the_clock_skew_ago_is_still_accepted()
    {
        var now = DateTimeOffset.UtcNow;
        var token = Issuer.CreateToken(LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), Signed(Issuer.BotFrameworkKey), now.AddHours(-1), now.AddMinutes(-3));

        var response = await fixture.Host.PostWithTokenAsync(Activities.Invoke(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task A_token_from_another_issuer_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateToken("https://evil.example.com", BfClaims(), Signed(Issuer.BotFrameworkKey)));

    [Fact]
    public Task A_token_for_another_audience_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateBotFrameworkToken("https://graph.microsoft.com", TestIds.ServiceUrl));

    [Fact]
    public Task A_token_for_another_app_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateBotFrameworkToken(TestIds.OtherAppId, TestIds.ServiceUrl));

    [Fact]
    public Task An_expired_token_is_rejected()
    {
        var now = DateTimeOffset.UtcNow;
        return AssertRejectedAsync(Issuer.CreateToken(
            LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), Signed(Issuer.BotFrameworkKey), now.AddHours(-2), now.AddMinutes(-10)));
    }

    [Fact]
    public Task A_token_not_yet_valid_is_rejected()
    {
        var now = DateTimeOffset.UtcNow;
        return AssertRejectedAsync(Issuer.CreateToken(
            LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), Signed(Issuer.BotFrameworkKey), now.AddMinutes(10), now.AddHours(1)));
    }

    [Fact]
    public Task A_token_signed_by_an_unpublished_key_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateToken(
            LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), Signed(LocalOpenIdIssuer.CreateKey("attacker-key"))));

    [Fact]
    public Task A_token_signed_by_another_key_under_a_published_key_id_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateToken(
            LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), Signed(LocalOpenIdIssuer.CreateKey(Issuer.BotFrameworkKey.KeyId))));

    [Fact]
    public Task An_unsigned_alg_none_token_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateToken(LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), signing: null));

    [Fact]
    public Task An_HS256_token_keyed_with_the_public_key_is_rejected()
    {
        // The classic key-confusion forgery: HMAC with the RSA public key bytes, which anyone can download.
        var publicKey = Issuer.BotFrameworkKey.Rsa.ExportSubjectPublicKeyInfo();
        var hmacKey = new SymmetricSecurityKey(publicKey) { KeyId = Issuer.BotFrameworkKey.KeyId };
        return AssertRejectedAsync(Issuer.CreateToken(
            LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public Task A_token_without_a_serviceurl_claim_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateBotFrameworkToken(TestIds.AppId, serviceUrl: null));

    [Fact]
    public Task A_token_whose_serviceurl_differs_from_the_activity_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateBotFrameworkToken(TestIds.AppId, "https://smba.trafficmanager.net/amer/"));

    [Fact]
    public Task A_token_for_a_channel_the_key_is_not_endorsed_for_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl), Activities.Invoke(channelId: "webchat"));

    [Fact]
    public Task A_key_endorsed_only_for_another_channel_cannot_speak_for_that_channel_either()
    {
        var key = LocalOpenIdIssuer.CreateKey("bf-webchat-only");
        Issuer.PublishBotFrameworkKey(key, "webchat");
        return AssertRejectedAsync(Issuer.CreateToken(LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), Signed(key)), Activities.Invoke(channelId: "webchat"));
    }

    [Fact]
    public Task A_token_signed_by_a_key_without_endorsements_is_rejected()
    {
        var key = LocalOpenIdIssuer.CreateKey("bf-no-endorsement");
        Issuer.PublishBotFrameworkKey(key);
        return AssertRejectedAsync(Issuer.CreateToken(LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), Signed(key)));
    }

    [Fact]
    public Task An_Entra_token_of_another_tenant_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateEntraToken(TestIds.AppId, TestIds.OtherTenantId, TestIds.ServiceUrl));

    [Fact]
    public Task An_Entra_token_with_our_issuer_but_another_tid_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateEntraToken(
            TestIds.AppId, TestIds.TenantId, TestIds.ServiceUrl, extraClaims: new() { ["tid"] = TestIds.OtherTenantId }));

    [Fact]
    public Task An_Entra_token_signed_with_the_Bot_Framework_key_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateToken(
            $"https://login.microsoftonline.com/{TestIds.TenantId}/v2.0",
            new Dictionary<string, object> { ["aud"] = TestIds.AppId, ["tid"] = TestIds.TenantId, ["serviceurl"] = TestIds.ServiceUrl },
            Signed(Issuer.BotFrameworkKey)));

    [Fact]
    public Task An_RS256_token_claiming_PS256_is_rejected() =>
        AssertRejectedAsync(Issuer.CreateToken(
            LocalOpenIdIssuer.BotFrameworkIssuer, BfClaims(), LocalOpenIdIssuer.SigningWith(Issuer.BotFrameworkKey, SecurityAlgorithms.RsaSsaPssSha256)));

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("bearer {token}")]
    [InlineData("Basic {token}")]
    [InlineData("Bearer {token} extra")]
    [InlineData("Bearer  {token}")]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30")]
    public Task A_malformed_Authorization_header_is_rejected(string header) =>
        AssertRejectedWithHeaderAsync(header.Replace("{token}", Issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl)), Activities.Invoke());

    [Fact]
    public Task A_request_without_a_token_is_rejected_when_local_mode_is_off() =>
        AssertRejectedWithHeaderAsync(null, Activities.Invoke("http://127.0.0.1:3978/"));

    private Dictionary<string, object> BfClaims() => new() { ["aud"] = TestIds.AppId, ["serviceurl"] = TestIds.ServiceUrl };

    private static SigningCredentials Signed(RsaSecurityKey key) => LocalOpenIdIssuer.SigningWith(key);

    private Task AssertRejectedAsync(string token, string? activity = null) =>
        AssertRejectedWithHeaderAsync("Bearer " + token, activity ?? Activities.Invoke());

    private async Task AssertRejectedWithHeaderAsync(string? header, string activity)
    {
        var seenBefore = fixture.Host.Recorder.Seen.Count;

        var response = await fixture.Host.PostAsync(activity, header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(seenBefore, fixture.Host.Recorder.Seen.Count);
    }
}
