namespace DtcNotify.Bot;

/// <summary>A chat command: the first word (lower-cased) and the rest as its argument.</summary>
internal sealed record BotCommand(string Name, string Argument)
{
    public static BotCommand Parse(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n', '\r', '\u00A0']);
        return space < 0
            ? new BotCommand(trimmed.ToLowerInvariant(), "")
            : new BotCommand(trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }
}
