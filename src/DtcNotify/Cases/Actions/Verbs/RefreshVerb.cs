namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Refresh": the current card, whatever version the clicked one showed.</summary>
internal sealed class RefreshVerb : ICaseVerb
{
    public bool ChecksVersion => false;

    public Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct) =>
        Task.FromResult<CaseVerbOutcome>(new CaseVerbOutcome.Shown());
}
