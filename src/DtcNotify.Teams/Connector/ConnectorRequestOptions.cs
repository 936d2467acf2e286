namespace DtcNotify.Teams.Connector;

/// <summary>Per-request hints from <see cref="ConnectorClient"/> to its message handlers.</summary>
internal static class ConnectorRequestOptions
{
    /// <summary>The thread whose Teams rate limit this request counts against (posts and updates only).</summary>
    public static readonly HttpRequestOptionsKey<string> RateLimitKey = new("DtcNotify.Teams.RateLimitKey");

    /// <summary>
    /// The rate-limit key of a conversation: the channel part of a thread id (<c>19:x@thread.tacv2;messageid=1</c> →
    /// <c>19:x@thread.tacv2</c>), because posts, replies and updates in one channel share its budget.
    /// </summary>
    public static string ThreadKey(string conversationId)
    {
        var separator = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return separator < 0 ? conversationId : conversationId[..separator];
    }
}
