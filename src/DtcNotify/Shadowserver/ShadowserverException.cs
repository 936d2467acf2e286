namespace DtcNotify.Shadowserver;

/// <summary>Shadowserver refused or failed a request, or sent something that is not what was asked for; the message says which.</summary>
internal sealed class ShadowserverException(string message, bool transient = false) : Exception(message)
{
    /// <summary>Worth retrying: a 5xx, a 429, a timeout or a broken connection.</summary>
    public bool Transient { get; } = transient;
}
