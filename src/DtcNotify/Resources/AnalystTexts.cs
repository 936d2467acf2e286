using System.Globalization;

namespace DtcNotify.Resources;

/// <summary>
/// Everything an analyst reads in Teams, in the team's language (<c>Teams:Language</c>) or the caller's locale. The
/// sentences live in <c>AnalystText.resx</c> (English) and <c>AnalystText.nl.resx</c> (Dutch); keys are the generated
/// property names, so a typo does not compile: <c>texts[nameof(AnalystText.DaysOne)]</c>.
/// </summary>
internal sealed class AnalystTexts
{
    public static readonly AnalystTexts Dutch = new(CultureInfo.GetCultureInfo("nl-NL"));
    public static readonly AnalystTexts English = new(CultureInfo.GetCultureInfo("en-GB"));

    private AnalystTexts(CultureInfo culture) => Culture = culture;

    /// <summary>The culture of the texts, also for numbers and dates shown beside them.</summary>
    public CultureInfo Culture { get; }

    /// <summary><c>nl</c> or <c>en</c>.</summary>
    public string Language => Culture.TwoLetterISOLanguageName;

    /// <summary>The texts for <c>nl</c> or <c>en</c> (a Teams locale such as <c>nl-NL</c> works too); anything else is Dutch.</summary>
    public static AnalystTexts For(string? language) =>
        language is { Length: >= 2 } && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Dutch;

    public string this[string key] =>
        AnalystText.ResourceManager.GetString(key, Culture) ?? throw new KeyNotFoundException($"No analyst text '{key}'.");

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>"1 dag", "3 dagen" — never "1 days".</summary>
    public string Days(int days) => days == 1 ? this[nameof(AnalystText.DaysOne)] : Format(nameof(AnalystText.DaysMany), days);
}
