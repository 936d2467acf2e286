using System.Text.Json;
using System.Text.Json.Serialization;

namespace DtcNotify.Teams.Cards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    public string? Style { get; init; }
}

/// <summary>Universal Action: arrives as an <c>adaptiveCard/action</c> invoke with the verb, the data and the card's inputs.</summary>
public sealed record ExecuteAction(string Title, string Verb) : CardAction(Title)
{
    public JsonElement? Data { get; init; }

    /// <summary><c>none</c> sends no inputs (e.g. cancel); null sends them all.</summary>
    public string? AssociatedInputs { get; init; }
}

/// <summary>Reveals inline inputs (reject reason, reassign) without a dialog, which the Playground does not support.</summary>
public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);

/// <summary>Shows or hides elements of the card on the client (e.g. the criteria behind "Why"); nothing is sent to the bot.</summary>
public sealed record ToggleVisibilityAction(string Title, IReadOnlyList<string> TargetElements) : CardAction(Title);
