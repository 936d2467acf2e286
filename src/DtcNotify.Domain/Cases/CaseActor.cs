namespace DtcNotify.Domain.Cases;

/// <summary>Who acted on a case: an analyst's Entra object id and display name, or a <c>system:</c> component.</summary>
public sealed record CaseActor(string Id, string? Name)
{
    public static CaseActor System(string component) => new($"system:{component}", component);
}
