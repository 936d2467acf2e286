using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Channels;
using DtcNotify.Teams.Schema;
using DtcNotify.Text;

namespace DtcNotify.Bot;

/// <summary>Where an analyst may be shown registry and case data.</summary>
internal enum AnalystPlace
{
    /// <summary>Anywhere the activity came from (card actions: the cards are the bot's own, in the specialists' channel).</summary>
    Anywhere,

    /// <summary>A personal chat with the bot or the specialists' team (commands, search).</summary>
    PrivateToSpecialists,
}

internal enum AnalystRefusal
{
    None,

    /// <summary>Not of the configured tenant, or not a member of the specialists' team (nor in <c>Teams:Analysts</c>).</summary>
    NotAnalyst,

    /// <summary>An analyst, but in a conversation others can read.</summary>
    NotHere,
}

/// <summary>The gate's answer, with who asked (as the audit trail names them) and the registered specialists' channel (null before it is registered).</summary>
internal sealed record AnalystAdmission(AnalystRefusal Refusal, CaseActor Actor, SpecialistsChannel? Channel);

/// <summary>
/// The one check before an analyst's command, search or card action: the configured tenant, a member of the specialists'
/// team (or <c>Teams:Analysts</c>), and, where asked, a conversation private to the specialists.
/// </summary>
internal sealed class AnalystGate(ChannelRegistrar channels, AnalystDirectory analysts)
{
    public async Task<AnalystAdmission> CheckAsync(Activity activity, AnalystPlace place, CancellationToken cancellationToken)
    {
        var channel = await channels.CurrentAsync(cancellationToken);
        var actor = new CaseActor(activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown", activity.From?.Name is { Length: > 0 } n ? UntrustedText.Clean(n, 200) : null);
        if (!channels.IsAllowedTenant(TeamsChannelData.From(activity).TenantId)
            || !await analysts.IsAnalystAsync(activity.From?.AadObjectId, activity.From?.Id, channel, cancellationToken))
        {
            return new AnalystAdmission(AnalystRefusal.NotAnalyst, actor, channel);
        }

        return place == AnalystPlace.PrivateToSpecialists && !ChannelRegistrar.IsPrivateToSpecialists(activity, channel)
            ? new AnalystAdmission(AnalystRefusal.NotHere, actor, channel)
            : new AnalystAdmission(AnalystRefusal.None, actor, channel);
    }
}
