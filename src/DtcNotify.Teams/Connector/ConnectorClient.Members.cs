using System.Net;

namespace DtcNotify.Teams.Connector;

public partial class ConnectorClient
{
    /// <summary>
    /// One page of members. In a team, pass the team id (<c>channelData.team.id</c>) as <paramref name="conversationId"/>.
    /// Call again with the returned continuation token until it is null.
    /// </summary>
    public virtual async Task<PagedMembersResult> GetPagedMembersAsync(
        string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }

        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        using var request = CreateRequest(HttpMethod.Get, serviceUrl, path);
        return await SendAsync(request, Schema.TeamsJsonContext.Default.PagedMembersResult, cancellationToken).ConfigureAwait(false)
            ?? new PagedMembersResult(null, []);
    }

    /// <summary>One member by Teams user id (<c>29:…</c>), UPN or Entra object id; null when not a member.</summary>
    public virtual async Task<TeamsChannelAccount?> GetMemberAsync(
        string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        using var request = CreateRequest(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}");
        try
        {
            return await SendAsync(request, Schema.TeamsJsonContext.Default.TeamsChannelAccount, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
