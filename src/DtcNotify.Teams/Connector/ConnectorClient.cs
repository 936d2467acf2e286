using System.Text.Json;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (teams-protocol §B.3), relative to an activity's <c>serviceUrl</c>. Ids are escaped as path
/// segments; posts and updates are rate limited per thread; the token is attached by <see cref="BotConnectorAuthHandler"/>.
/// Methods are virtual so host tests can substitute them.
/// </summary>
public partial class ConnectorClient(HttpClient httpClient, ServiceUrlPolicy serviceUrlPolicy)
{
    /// <summary>Posts <paramref name="activity"/> to a conversation; to a bare channel id this starts a new top-level post.</summary>
    public virtual Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Escape(conversationId)}/activities";
        return SendActivityAsync(HttpMethod.Post, serviceUrl, path, conversationId, activity, cancellationToken);
    }

    /// <summary>Replies to <paramref name="activityId"/> (sets <c>replyToId</c>).</summary>
    public virtual Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        return SendActivityAsync(HttpMethod.Post, serviceUrl, path, conversationId, activity with { ReplyToId = activityId }, cancellationToken);
    }

    /// <summary>Replaces the activity <paramref name="activityId"/> in place (e.g. a card after an action).</summary>
    public virtual Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        return SendActivityAsync(HttpMethod.Put, serviceUrl, path, conversationId, activity with { Id = activityId }, cancellationToken);
    }

    /// <summary>Deletes the activity <paramref name="activityId"/>.</summary>
    public virtual async Task DeleteActivityAsync(
        string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        using var request = CreateRequest(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a new thread in a Teams channel with <paramref name="activity"/> as its root message. The answer's
    /// <see cref="ConversationResourceResponse.Id"/> is the thread (<c>channel;messageid=root</c>) and
    /// <see cref="ConversationResourceResponse.ActivityId"/> the root message (keep both to reply and update).
    /// </summary>
    public virtual async Task<ConversationResourceResponse> CreateChannelThreadAsync(
        string serviceUrl, string channelId, string tenantId, OutgoingActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(activity);
        var parameters = new ConversationParameters(true, ChannelDataFor(channelId, tenantId), activity, tenantId);
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, TeamsJsonContext.Default.ConversationParameters);
        using var request = CreateRequest(HttpMethod.Post, serviceUrl, "v3/conversations", body);
        request.Options.Set(ConnectorRequestOptions.RateLimitKey, ConnectorRequestOptions.ThreadKey(channelId));
        return await SendAsync(request, TeamsJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ConversationResourceResponse(null, null, null);
    }
}
