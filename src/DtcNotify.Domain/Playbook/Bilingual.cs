namespace DtcNotify.Domain.Playbook;

/// <summary>A value in Dutch and English; Dutch is the fallback because DTC's companies are Dutch.</summary>
internal readonly record struct Bilingual<T>(T Nl, T En)
{
    public T For(string? language) => IsEnglish(language) ? En : Nl;

    // "en", "EN" and "en-GB" are English; "nl", null and anything unknown get Dutch.
    private static bool IsEnglish(string? language) =>
        language is not null
        && language.Trim() is var l
        && (l.Equals("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en-", StringComparison.OrdinalIgnoreCase));
}
