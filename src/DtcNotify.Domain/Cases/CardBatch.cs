namespace DtcNotify.Domain.Cases;

/// <summary>One batch card: the cases of one import, posted together when there were more than <c>Teams:MaxCardsPerImport</c>.</summary>
public sealed class CardBatch
{
    public long Id { get; private set; }

    public long? ImportId { get; init; }

    public int CaseCount { get; set; }

    public string? ConversationId { get; set; }

    public string? ActivityId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PostedAt { get; set; }
}
