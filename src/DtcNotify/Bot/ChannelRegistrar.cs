using DtcNotify.Data;
using DtcNotify.Domain.Channels;
using DtcNotify.Options;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Hosting;
using DtcNotify.Teams.Schema;
using DtcNotify.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Bot;

/// <summary>
/// Learns the specialists' channel from install events and keeps its service URL fresh. Only the configured tenant
/// counts: an install in another tenant is ignored (and logged), so another organisation cannot make the bot post there.
/// Within the tenant only one team is the specialists' team: <c>Teams:TeamId</c> when configured, else the first team the
/// bot was installed in. An install in any other team is ignored, because the registered team's roster decides who may
/// act on cases and its channel receives every case card.
/// <para>
/// A serviceUrl is stored only if <see cref="ServiceUrlPolicy"/> lets the bot call it. In local mode every activity is
/// unauthenticated (the options validator keeps Bot:AppId empty there), so it may register a first channel for the
/// Playground but never changes a stored one: one loopback request must not redirect every later card.
/// </para>
/// </summary>
internal sealed partial class ChannelRegistrar(
    DtcNotifyDbContext db, IOptions<TeamsOptions> teams, IOptions<BotOptions> bot, ServiceUrlPolicy serviceUrls, TimeProvider clock, ILogger<ChannelRegistrar> logger)
{
    private bool Unauthenticated => bot.Value.AllowUnauthenticatedLocal;

    public string? AllowedTenant => teams.Value.TenantId is { Length: > 0 } t ? t : bot.Value.TenantId is { Length: > 0 } b ? b : null;

    public bool IsAllowedTenant(string? tenantId) =>
        AllowedTenant is not { } allowed || string.Equals(allowed, tenantId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers (idempotently) the team channel of an install event; returns the registration, or null when refused.</summary>
    public async Task<SpecialistsChannel?> RegisterAsync(Activity activity, CancellationToken cancellationToken)
    {
        var data = TeamsChannelData.From(activity);
        if (data.TeamId is null || activity.ServiceUrl is null || data.TenantId is null)
        {
            return null;
        }

        if (!IsAllowedTenant(data.TenantId))
        {
            Log.OtherTenant(logger, PrintableText.Safe(data.TenantId));
            return null;
        }

        if (!serviceUrls.Allows(activity.ServiceUrl))
        {
            Log.ServiceUrlRefused(logger, PrintableText.Safe(activity.ServiceUrl));
            return null;
        }

        var channelId = data.SelectedChannelId ?? data.ChannelId ?? data.TeamId;
        var now = clock.GetUtcNow();
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.TenantId == data.TenantId && c.TeamId == data.TeamId, cancellationToken);
        if (!await IsSpecialistsTeamAsync(data.TeamId, cancellationToken))
        {
            Log.OtherTeam(logger, PrintableText.Safe(data.TeamName ?? data.TeamId));
            return null;
        }

        if (channel is not null && Unauthenticated)
        {
            return channel;
        }

        if (channel is null)
        {
            channel = new SpecialistsChannel { TenantId = data.TenantId, TeamId = data.TeamId, ChannelId = channelId, ServiceUrl = activity.ServiceUrl, InstalledAt = now };
            db.Channels.Add(channel);
            Log.Registered(logger, PrintableText.Safe(data.TeamName ?? data.TeamId));
        }

        channel.TeamName = data.TeamName ?? channel.TeamName;
        channel.TeamAadGroupId = data.TeamAadGroupId ?? channel.TeamAadGroupId;
        channel.ServiceUrl = activity.ServiceUrl;
        channel.Active = true;
        channel.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return channel;
    }

    /// <summary>Every inbound activity carries the current service URL; keep the stored one in step.</summary>
    public async Task RefreshServiceUrlAsync(Activity activity, CancellationToken cancellationToken)
    {
        var data = TeamsChannelData.From(activity);
        if (Unauthenticated || activity.ServiceUrl is not { } serviceUrl || data.TenantId is null || !IsAllowedTenant(data.TenantId))
        {
            return;
        }

        if (!serviceUrls.Allows(serviceUrl))
        {
            Log.ServiceUrlRefused(logger, PrintableText.Safe(serviceUrl));
            return;
        }

        // Read first: the URL rarely changes, and an UPDATE, even of no row, waits for SQLite's write lock, so every
        // command and card view would wait behind a registry import.
        var outdated = db.Channels.Where(c => c.TenantId == data.TenantId && c.ServiceUrl != serviceUrl);
        if (await outdated.AnyAsync(cancellationToken))
        {
            await outdated.ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceUrl, serviceUrl).SetProperty(c => c.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>The channel cases are posted to: the configured one, else the registered channel of the specialists' team.</summary>
    public async Task<SpecialistsChannel?> CurrentAsync(CancellationToken cancellationToken)
    {
        var options = teams.Value;
        if (options is { TeamId.Length: > 0, ChannelId.Length: > 0, ServiceUrl.Length: > 0, TenantId.Length: > 0 })
        {
            return new SpecialistsChannel { TenantId = options.TenantId, TeamId = options.TeamId, ChannelId = options.ChannelId, ServiceUrl = options.ServiceUrl };
        }

        var registered = db.Channels.AsNoTracking().Where(c => c.Active);
        if (options.TeamId is { Length: > 0 } teamId)
        {
            registered = registered.Where(c => c.TeamId == teamId);
        }

        // The first installation wins: a later install elsewhere must not redirect case cards (RegisterAsync refuses it too).
        return await registered.OrderBy(c => c.InstalledAt).ThenBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Whether an answer with registry or case data may go to where the activity came from: a personal chat, or the
    /// specialists' team. An analyst's command in another team's channel or in a group chat would show the data to its members.
    /// </summary>
    public static bool IsPrivateToSpecialists(Activity activity, SpecialistsChannel? channel) =>
        activity.Conversation?.ConversationType switch
        {
            "personal" => true,
            "channel" => channel is not null && string.Equals(TeamsChannelData.From(activity).TeamId, channel.TeamId, StringComparison.Ordinal),
            _ => false,
        };

    /// <summary>Whether a team may be (or is) the specialists' team: the configured one, else the first one registered.</summary>
    private async Task<bool> IsSpecialistsTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        if (teams.Value.TeamId is { Length: > 0 } configured)
        {
            return string.Equals(configured, teamId, StringComparison.Ordinal);
        }

        var first = await db.Channels.AsNoTracking().Where(c => c.Active).OrderBy(c => c.InstalledAt).ThenBy(c => c.Id)
            .Select(c => c.TeamId).FirstOrDefaultAsync(cancellationToken);
        return first is null || string.Equals(first, teamId, StringComparison.Ordinal);
    }

    private static partial class Log
    {
        [LoggerMessage(2202, LogLevel.Warning, "Install event from tenant {TenantId} ignored: not the configured tenant")]
        public static partial void OtherTenant(ILogger logger, string tenantId);

        [LoggerMessage(2203, LogLevel.Information, "Specialists' channel registered in team {Team}")]
        public static partial void Registered(ILogger logger, string team);

        [LoggerMessage(2204, LogLevel.Warning, "Install in team {Team} ignored: it is not the specialists' team (set Teams:TeamId to choose another)")]
        public static partial void OtherTeam(ILogger logger, string team);

        [LoggerMessage(2205, LogLevel.Warning, "Service URL {ServiceUrl} not stored: the bot may not call it")]
        public static partial void ServiceUrlRefused(ILogger logger, string serviceUrl);
    }
}
