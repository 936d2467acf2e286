using DtcNotify.Bot.Cards;
using DtcNotify.Cases.Posting;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Channels;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot;

/// <summary>
/// The bot's <c>posting retry &lt;reference&gt;</c> and <c>posting done &lt;reference&gt; &lt;link&gt;</c>: an analyst settles a
/// case whose card may or may not have been posted (<see cref="UncertainPosting"/>); analysts only, like every command but help.
/// </summary>
internal static class PostingCommandAnswer
{
    public static async Task<AdaptiveCard> AnswerAsync(
        UncertainPosting posting, string argument, CaseActor actor, SpecialistsChannel? channel, AnalystTexts t, CancellationToken cancellationToken)
    {
        var words = argument.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = t[nameof(AnalystText.PostingTitle)];
        var settlement = words switch
        {
            ["retry", var which] => await posting.RetryAsync(which, actor, cancellationToken),
            ["done", var which, var link] => await posting.DoneAsync(which, link, channel, actor, cancellationToken),
            _ => (PostingSettlement?)null,
        };
        var reference = words.Length > 1 ? words[1] : "";
        return settlement switch
        {
            PostingSettlement.Retried => MessageCard.Create(title, t[nameof(AnalystText.PostingRetried)], reference),
            PostingSettlement.Recorded => MessageCard.Create(title, t[nameof(AnalystText.PostingRecorded)], reference),
            PostingSettlement.NoSuchCase => MessageCard.Create(t[nameof(AnalystText.ReplyNoCaseTitle)], t[nameof(AnalystText.ReplyNoCase)], reference),
            PostingSettlement.NotUncertain => MessageCard.Create(title, t[nameof(AnalystText.PostingNotUncertain)], reference),
            PostingSettlement.BadLink => MessageCard.Create(title, t[nameof(AnalystText.PostingBadLink)], reference),
            _ => MessageCard.Create(title, t[nameof(AnalystText.PostingUsage)]),
        };
    }
}
