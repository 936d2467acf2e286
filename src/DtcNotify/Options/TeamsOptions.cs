namespace DtcNotify.Options;

/// <summary>Section <c>Teams</c>: the specialists' channel (learned on install when empty) and who may act on cards.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    public string? TenantId { get; set; }

    public string? TeamId { get; set; }

    public string? ChannelId { get; set; }

    public string? ServiceUrl { get; set; }

    /// <summary>Extra Entra object ids allowed to act, besides the members of the registered team.</summary>
    public List<string> Analysts { get; set; } = [];

    /// <summary>Above this many new cases from one import, one batch card is posted instead of one card each.</summary>
    public int MaxCardsPerImport { get; set; } = 20;

    /// <summary>
    /// <c>nl</c> (default) or <c>en</c>: the language of everything analysts read in Teams (cards, thread replies, command
    /// replies, the digest). Command replies in a personal chat follow the caller's Teams locale when it is nl or en.
    /// </summary>
    public string Language { get; set; } = "nl";

    /// <summary>The texts of <see cref="Language"/>.</summary>
    internal Resources.AnalystTexts Texts => Resources.AnalystTexts.For(Language);
}
