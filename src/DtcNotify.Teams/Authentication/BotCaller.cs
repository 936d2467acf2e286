namespace DtcNotify.Teams.Authentication;

/// <summary>How an inbound request proved who sent it.</summary>
public enum BotCallerKind
{
    /// <summary>A Bot Framework channel token (<c>iss https://api.botframework.com</c>).</summary>
    BotFramework = 1,

    /// <summary>An Entra token of the bot's own tenant.</summary>
    Entra = 2,

    /// <summary>No token: local mode, loopback caller, loopback serviceUrl.</summary>
    LocalUnauthenticated = 3,
}

/// <summary>The authenticated sender of an inbound request, before the body-dependent checks.</summary>
/// <param name="Kind">Which kind of proof was given.</param>
/// <param name="ServiceUrlClaim">The token's <c>serviceurl</c> claim, when present.</param>
/// <param name="Endorsements">The channels the signing key is endorsed for (Bot Framework tokens only).</param>
public sealed record BotCaller(BotCallerKind Kind, string? ServiceUrlClaim, IReadOnlySet<string> Endorsements)
{
    public static BotCaller LocalUnauthenticated { get; } =
        new(BotCallerKind.LocalUnauthenticated, null, new HashSet<string>());
}

/// <summary>The result of a check: the caller, or why the request was refused (for logs only, never sent back).</summary>
public sealed record BotAuthResult(BotCaller? Caller, string? FailureReason)
{
    public bool Succeeded => Caller is not null;

    public static BotAuthResult Success(BotCaller caller) => new(caller, null);

    public static BotAuthResult Fail(string reason) => new(null, reason);
}
