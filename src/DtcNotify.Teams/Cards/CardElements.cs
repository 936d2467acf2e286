using System.Text.Json.Serialization;

namespace DtcNotify.Teams.Cards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
public abstract record CardElement
{
    public string? Id { get; init; }

    public string? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

/// <summary>Markdown-capable text: only for text we wrote ourselves, or text passed through <see cref="CardText.Escape"/>.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;

    public string? Size { get; init; }

    public string? Weight { get; init; }

    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public string? Style { get; init; }

    public int? MaxLines { get; init; }
}

/// <summary>Text runs are never read as markdown: the safe place for feed-supplied strings.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")]
    public string Type { get; } = "TextRun";

    public string? Weight { get; init; }

    public bool? IsSubtle { get; init; }

    public string? Color { get; init; }
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Title, string Value);

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public string? Style { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    public string Type { get; } = "Column";

    public string? Width { get; init; }

    /// <summary>A container style (<c>attention</c>, <c>warning</c>, <c>good</c>, <c>emphasis</c>): a badge's background.</summary>
    public string? Style { get; init; }

    public string? VerticalContentAlignment { get; init; }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

/// <summary>An inline text input; its <see cref="CardElement.Id"/> is the key of its value in the action's data.</summary>
public sealed record InputText : CardElement
{
    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record InputChoiceSet(IReadOnlyList<Choice> Choices) : CardElement
{
    public string? Label { get; init; }

    public string? Value { get; init; }

    public string? Style { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record Choice(string Title, string Value);
