namespace DtcNotify.Domain.Playbook;

/// <summary>The channel a threat is reported through by default; the analyst may change it when approving.</summary>
public enum PlaybookChannel
{
    Email = 1,
    Phone = 2,
}
