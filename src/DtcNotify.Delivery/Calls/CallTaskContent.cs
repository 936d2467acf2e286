using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Calls;

/// <summary>One phone call an analyst must make, assembled by the host from the case, the company and the approval.</summary>
public sealed record CallTaskContent
{
    public required Guid NotificationId { get; init; }

    public required string CaseReference { get; init; }

    public required string CompanyName { get; init; }

    public string? ContactName { get; init; }

    /// <summary>E.164.</summary>
    public required string Phone { get; init; }

    /// <summary>The language to speak with the company (<c>nl</c> or <c>en</c>).</summary>
    public required string Language { get; init; }

    public required string ThreatTitle { get; init; }

    public required string Explanation { get; init; }

    public required IReadOnlyList<string> Measures { get; init; }

    public required IReadOnlyList<ObservedEvent> Observations { get; init; }

    public int ObservationTotal { get; init; }

    /// <summary>The approving analyst's Entra object id: the Planner assignee.</summary>
    public required string AssigneeId { get; init; }

    public string? AssigneeName { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The language of the task's own words for the analyst (<c>Teams:Language</c>): <c>nl</c> or <c>en</c>.</summary>
    public string ScriptLanguage { get; init; } = "en";
}

/// <summary>Creates call tasks. Throws <see cref="DeliveryFailureException"/> saying whether a retry is safe.</summary>
public interface ICallTaskTransport
{
    /// <summary>Planner, ToDo or Pickup.</summary>
    string Name { get; }

    Task<DeliveryReceipt> CreateAsync(CallTaskContent task, CancellationToken cancellationToken);
}
