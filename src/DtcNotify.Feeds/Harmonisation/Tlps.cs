namespace DtcNotify.Feeds.Harmonisation;

/// <summary>TLP levels in one spelling: TLP 2.0 names, with 1.0's WHITE read as CLEAR.</summary>
internal static class Tlps
{
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.StartsWith("tlp:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        return text switch
        {
            _ when text.Equals("clear", StringComparison.OrdinalIgnoreCase) || text.Equals("white", StringComparison.OrdinalIgnoreCase) => "CLEAR",
            _ when text.Equals("green", StringComparison.OrdinalIgnoreCase) => "GREEN",
            _ when text.Equals("amber", StringComparison.OrdinalIgnoreCase) => "AMBER",
            _ when text.Equals("amber+strict", StringComparison.OrdinalIgnoreCase) => "AMBER+STRICT",
            _ when text.Equals("red", StringComparison.OrdinalIgnoreCase) => "RED",
            _ => null,
        };
    }
}
