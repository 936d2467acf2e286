using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Authentication;

/// <summary>The checks that need both the token and the activity body (teams-protocol §A.2 #7–8, architecture §3).</summary>
public static class ActivityAuthorization
{
    /// <summary>The only channel this bot serves.</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>
    /// A token-authenticated caller may only speak for the serviceUrl in its <c>serviceurl</c> claim, and a Bot Framework
    /// token's key must be endorsed for the activity's channel. A local (unauthenticated) caller must name a loopback serviceUrl.
    /// </summary>
    public static BotAuthResult Check(BotCaller caller, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(activity);
        if (caller.Kind == BotCallerKind.LocalUnauthenticated)
        {
            return Loopback.IsLoopbackUrl(activity.ServiceUrl)
                ? BotAuthResult.Success(caller)
                : BotAuthResult.Fail("local mode requires a loopback serviceUrl");
        }

        if (string.IsNullOrEmpty(caller.ServiceUrlClaim))
        {
            return BotAuthResult.Fail("missing serviceurl claim");
        }

        if (!string.Equals(caller.ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthResult.Fail("serviceurl claim does not match the activity's serviceUrl");
        }

        // This is a Teams bot: a Bot Framework token must come from a key endorsed for msteams, on an msteams activity
        // (a key endorsed only for another channel, e.g. Web Chat, must not be able to speak for Teams users).
        if (caller.Kind == BotCallerKind.BotFramework
            && (activity.ChannelId != TeamsChannelId || !caller.Endorsements.Contains(TeamsChannelId)))
        {
            return BotAuthResult.Fail("signing key is not endorsed for msteams, or the activity is not from msteams");
        }

        return BotAuthResult.Success(caller);
    }
}
