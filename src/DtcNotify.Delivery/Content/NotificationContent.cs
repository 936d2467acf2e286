namespace DtcNotify.Delivery.Content;

/// <summary>
/// Everything one e-mail to one company says, assembled by the host from the database. It holds only this company's
/// observations: the composer cannot leak another company's data because it never sees any.
/// </summary>
public sealed record NotificationContent
{
    public required Guid NotificationId { get; init; }

    /// <summary>The case's human-readable id (e.g. <c>DTC-2026-000123</c>): the reference number in the mail and the <c>X-DtcNotify-Case</c> header.</summary>
    public required string CaseReference { get; init; }

    /// <summary><c>nl</c> or <c>en</c>; anything else is Dutch.</summary>
    public required string Language { get; init; }

    public required string RecipientAddress { get; init; }

    public string? RecipientName { get; init; }

    public required string CompanyName { get; init; }

    public required string ThreatTitle { get; init; }

    /// <summary>What the threat means, in plain language (the playbook's explanation).</summary>
    public required string Explanation { get; init; }

    /// <summary>The case's measures as the analyst approved them (or the playbook's defaults).</summary>
    public required IReadOnlyList<string> Measures { get; init; }

    /// <summary>The observations listed in the mail (the newest ones when there are many).</summary>
    public required IReadOnlyList<ObservedEvent> Observations { get; init; }

    /// <summary>How many observations the case has in total (may exceed <see cref="Observations"/>).</summary>
    public int ObservationTotal { get; init; }

    /// <summary>The case's Traffic Light Protocol level (e.g. <c>AMBER</c>): labels the subject and states the sharing rule.</summary>
    public string? Tlp { get; init; }

    public bool IsEnglish => Language.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Set when this mail follows up an earlier warning that did not work (the follow-up template is used).</summary>
    public FollowUpFacts? FollowUp { get; init; }
}

/// <summary>What a follow-up refers to: its number, the first warning (date and reference) and the newest sighting.</summary>
public sealed record FollowUpFacts(int Number, DateTimeOffset FirstWarning, string FirstReference, DateTimeOffset? LatestSighting);

/// <summary>One observation as the company may see it: where and when, never the feed's internals.</summary>
public sealed record ObservedEvent(DateTimeOffset? Time, string? Ip, int? Port, string? Host, string? Url, string? Protocol);

/// <summary>How companies reach the DTC; printed in every mail.</summary>
public sealed record DtcContactDetails(string ContactFormUrl, string? Phone);
