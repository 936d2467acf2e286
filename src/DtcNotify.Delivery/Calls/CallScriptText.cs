namespace DtcNotify.Delivery.Calls;

/// <summary>The fixed words of a call task in the team's language (<c>Teams:Language</c>); what to say stays in the company's language.</summary>
internal sealed record CallScriptText(
    string TitleFormat,
    string Case,
    string Company,
    string Contact,
    string NoName,
    string Phone,
    string Language,
    string Dutch,
    string English,
    string Due,
    string WhatToSay,
    string Observed,
    string Port,
    string MoreFormat,
    string Measures,
    string Afterwards,
    string TimeFormat,
    string CultureName)
{
    public static readonly CallScriptText EnglishText = new(
        "Call {0} about {1}: {2}", "Case", "Company", "Contact", "(no name)", "Phone", "Language", "Dutch", "English", "Due",
        "What to say", "Observed", "port", "- and {0} more", "Measures",
        "Afterwards press \"Call done\" on the case card (reached / not reached, with a note).", "ddd d MMM yyyy HH:mm", "en-GB");

    public static readonly CallScriptText DutchText = new(
        "Bel {0} over {1}: {2}", "Zaak", "Bedrijf", "Contactpersoon", "(geen naam)", "Telefoon", "Taal", "Nederlands", "Engels", "Uiterlijk",
        "Wat te zeggen", "Waargenomen", "poort", "- en nog {0}", "Maatregelen",
        "Druk daarna op \"Gebeld\" op de kaart van de zaak (bereikt / niet bereikt, met een notitie).", "ddd d MMM yyyy HH:mm", "nl-NL");

    public static CallScriptText For(string? language) => language is not null && language.StartsWith("nl", StringComparison.OrdinalIgnoreCase) ? DutchText : EnglishText;
}
