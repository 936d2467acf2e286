using System.Collections.Concurrent;
using DtcNotify.Options;
using DtcNotify.Teams.Connector;
using Microsoft.Extensions.Options;

namespace DtcNotify.Bot;

/// <summary>
/// Answers "may this person act?". The team roster comes from the connector's paged members, cached for a few minutes
/// (a member removed from the team loses access within that time); everyone else is refused.
/// </summary>
internal sealed partial class AnalystDirectory(ConnectorClient connector, IOptions<TeamsOptions> teams, TimeProvider clock, ILogger<AnalystDirectory> logger)
{
    private static readonly TimeSpan RosterLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Fetched, IReadOnlyList<TeamsChannelAccount> Members)> _rosters = new();

    public async Task<bool> IsAnalystAsync(string? aadObjectId, string? userId, Domain.Channels.SpecialistsChannel? channel, CancellationToken cancellationToken)
    {
        if (aadObjectId is { Length: > 0 } && teams.Value.Analysts.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (channel is null || (aadObjectId is null && userId is null))
        {
            return false;
        }

        var members = await RosterAsync(channel, cancellationToken);
        return members.Any(m => aadObjectId is { Length: > 0 } && string.Equals(m.EntraObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)
            || userId is { Length: > 0 } && string.Equals(m.Id, userId, StringComparison.Ordinal));
    }

    public async Task<IReadOnlyList<TeamsChannelAccount>> RosterAsync(Domain.Channels.SpecialistsChannel channel, CancellationToken cancellationToken)
    {
        if (_rosters.TryGetValue(channel.TeamId, out var cached) && clock.GetUtcNow() - cached.Fetched < RosterLifetime)
        {
            return cached.Members;
        }

        var members = new List<TeamsChannelAccount>();
        string? continuation = null;
        do
        {
            var page = await connector.GetPagedMembersAsync(channel.ServiceUrl, channel.TeamId, 500, continuation, cancellationToken);
            members.AddRange(page.Members ?? []);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && members.Count < 10_000);

        _rosters[channel.TeamId] = (clock.GetUtcNow(), members);
        Log.RosterLoaded(logger, members.Count);
        return members;
    }

    private static partial class Log
    {
        [LoggerMessage(2201, LogLevel.Information, "Team roster loaded: {Count} members")]
        public static partial void RosterLoaded(ILogger logger, int count);
    }
}
