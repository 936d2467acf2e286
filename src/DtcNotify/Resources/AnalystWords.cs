using System.Globalization;
using DtcNotify.Delivery;
using DtcNotify.Domain.Cases;

namespace DtcNotify.Resources;

/// <summary>
/// The codes the database keeps (status, channel, severity, suppression, the last action) as the words an analyst reads,
/// and times in Amsterdam with the zone shown. A code without a word (added by a newer feature) is shown as it is.
/// </summary>
internal static class AnalystWords
{
    /// <summary>"27-11-2026 11:00 CET" / "27 Nov 2026 11:00 CET": Amsterdam time, the zone always shown.</summary>
    public static string When(this AnalystTexts texts, DateTimeOffset? at)
    {
        if (at is not { } t)
        {
            return "—";
        }

        return DutchCalendar.Display(t, texts[nameof(AnalystText.CardTimeFormat)], texts.Culture);
    }

    public static string Status(this AnalystTexts texts, CaseStatus status) => texts.Word("Status", status.ToName());

    /// <summary>A stored status name in words; an unknown name is shown as it is.</summary>
    public static string Status(this AnalystTexts texts, string status) => texts.Word("Status", status);

    public static string Channel(this AnalystTexts texts, string channel) => texts.Word("CardChannel", channel);

    public static string Severity(this AnalystTexts texts, string severity) => texts.Word("CardSeverity", severity.ToLowerInvariant());

    public static string Suppression(this AnalystTexts texts, string suppression) => texts.Word("CardSuppression", suppression);

    public static string Kind(this AnalystTexts texts, string kind) => texts.Word("CardKind", kind);

    public static string LanguageName(this AnalystTexts texts, string language) => texts.Word("CardLanguage", language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl");

    /// <summary>
    /// The case's last action (stored in English by the domain, e.g. "approved by e-mail" or "assigned to Anna") in words of
    /// the language; an action without a word is shown as stored.
    /// </summary>
    public static string Action(this AnalystTexts texts, string action)
    {
        const string assigned = "assigned to ";
        if (action.StartsWith(assigned, StringComparison.Ordinal))
        {
            return texts.Format(nameof(AnalystText.StatusActionAssignedTo), action[assigned.Length..]);
        }

        return texts.Word("StatusAction", action);
    }

    /// <summary>A triage criterion's name ("not vital" → "niet vitaal"); a name without a word is shown as stored.</summary>
    public static string Criterion(this AnalystTexts texts, string criterion) => texts.Word("TriageCriterion", criterion);

    // "call_scheduled" → key "StatusCallScheduled"; "approved by e-mail" → "StatusActionApprovedByEMail".
    internal static string Word(this AnalystTexts texts, string prefix, string code)
    {
        var key = prefix + string.Concat(code.Split([' ', '_', '-', ':', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        return AnalystText.ResourceManager.GetString(key, texts.Culture) ?? code;
    }
}
