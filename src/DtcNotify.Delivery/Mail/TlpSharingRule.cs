namespace DtcNotify.Delivery.Mail;

/// <summary>
/// The Traffic Light Protocol in the mail: the subject starts with the label (<c>[TLP:AMBER]</c>) and the body says what
/// the recipient may do with it, in FIRST's TLP 2.0 terms, in the recipient's language. RED is never mailed.
/// </summary>
internal static class TlpSharingRule
{
    private static readonly Dictionary<string, (string Dutch, string English)> Rules = new(StringComparer.Ordinal)
    {
        ["CLEAR"] = (
            "TLP:CLEAR — deze informatie mag u vrij delen; er gelden geen beperkingen.",
            "TLP:CLEAR — you may share this information freely; there are no restrictions."),
        ["GREEN"] = (
            "TLP:GREEN — u mag deze informatie delen binnen uw eigen gemeenschap (bijvoorbeeld met organisaties in uw sector), maar niet via openbare kanalen.",
            "TLP:GREEN — you may share this information within your community (for example with organisations in your sector), but not through publicly accessible channels."),
        ["AMBER"] = (
            "TLP:AMBER — deel deze informatie alleen met wie het moet weten: binnen uw organisatie en met de leveranciers of klanten die het nodig hebben om het probleem op te lossen.",
            "TLP:AMBER — share this information only on a need-to-know basis: within your organisation and with the suppliers or clients who need it to fix the problem."),
        ["AMBER+STRICT"] = (
            "TLP:AMBER+STRICT — deel deze informatie alleen binnen uw eigen organisatie, met wie het moet weten; niet met leveranciers, klanten of anderen daarbuiten.",
            "TLP:AMBER+STRICT — share this information only within your own organisation, on a need-to-know basis; not with suppliers, clients or anyone outside it."),
    };

    /// <summary><c>[TLP:AMBER] </c>, or empty when the content carries no TLP.</summary>
    public static string SubjectPrefix(string? tlp) => tlp is { Length: > 0 } ? $"[TLP:{tlp}] " : "";

    /// <summary>The sharing rule in the recipient's language, or null when the content carries no (known) TLP.</summary>
    public static string? Sentence(string? tlp, bool english) =>
        tlp is not null && Rules.TryGetValue(tlp, out var rule) ? english ? rule.English : rule.Dutch : null;
}
