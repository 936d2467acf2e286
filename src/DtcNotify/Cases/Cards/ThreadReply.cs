using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// A one-line reply in a case's thread after a change (plain text, not yet escaped), optionally @mentioning a team member
/// (the new assignee) with a Teams mention entity.
/// </summary>
internal sealed record ThreadReply(string Text, AssigneeChoice? Mention = null)
{
    public const int MaxLength = 500;

    /// <summary>"DTC-2026-000042: afgewezen door Anna Analist. Reden: dubbel" — with the reason of a rejection or closure, and the new assignee mentioned.</summary>
    public static ThreadReply ForAction(ThreatCase threatCase, CaseActor actor, AnalystTexts t, AssigneeChoice? mention = null)
    {
        var action = t.Action(threatCase.LastAction ?? "");
        var text = actor.Name is { } name
            ? t.Format(nameof(AnalystText.ReplyActionBy), threatCase.Reference, action, name)
            : t.Format(nameof(AnalystText.ReplyAction), threatCase.Reference, action);
        var reason = threatCase.Status switch
        {
            CaseStatus.Rejected => threatCase.RejectReason,
            CaseStatus.Closed => threatCase.CloseReason,
            _ => null,
        };
        if (reason is { Length: > 0 })
        {
            text += " " + t.Format(nameof(AnalystText.ReplyReason), reason);
        }

        return mention is null ? new ThreadReply(text) : new ThreadReply(text + " " + t.Format(nameof(AnalystText.ReplyMention), Tag(mention)), mention);
    }

    /// <summary>
    /// The message: plain text, or with a mention Teams' XML text format (every other character HTML-encoded, so text from
    /// the case cannot add markup) and the mention entity naming the member's Entra object id.
    /// </summary>
    public OutgoingActivity ToActivity()
    {
        var plain = CardText.Plain(Text, MaxLength, multiline: true);
        if (Mention is not { } member)
        {
            return OutgoingActivity.Message(plain);
        }

        var tag = Tag(member);
        var encoded = WebUtility.HtmlEncode(plain).Replace(WebUtility.HtmlEncode(tag), $"<at>{WebUtility.HtmlEncode(MentionName(member))}</at>", StringComparison.Ordinal);
        var entities = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{WebUtility.HtmlEncode(MentionName(member))}</at>",
            ["mentioned"] = new JsonObject { ["id"] = member.Id, ["name"] = MentionName(member) },
        });
        return OutgoingActivity.Message(encoded, "xml") with { Entities = JsonSerializer.SerializeToElement(entities, ReplyJson.Default.JsonNode) };
    }

    // The placeholder the text carries until ToActivity turns it into the mention.
    private static string Tag(AssigneeChoice member) => "@" + MentionName(member);

    private static string MentionName(AssigneeChoice member) => DtcNotify.Text.UntrustedText.Clean(member.Name, 100);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
internal sealed partial class ReplyJson : System.Text.Json.Serialization.JsonSerializerContext;
