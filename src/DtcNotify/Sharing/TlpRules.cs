using DtcNotify.Domain.Sharing;

namespace DtcNotify.Sharing;

/// <summary>What the case's TLP forbids at the moments a company would be contacted: approving, retrying, sending.</summary>
internal static class TlpRules
{
    /// <summary>Why nothing may go to the company under <paramref name="tlp"/>, or null (the card and the delivery record show the same reason).</summary>
    public static string? BlockReason(string? tlp) => TlpLevel.ForbidsNotification(tlp)
        ? "the source shared this under TLP:RED: the company may not be told without the source's permission"
        : null;
}
