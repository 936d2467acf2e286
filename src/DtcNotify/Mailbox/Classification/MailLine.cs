using DtcNotify.Text;

namespace DtcNotify.Mailbox.Classification;

/// <summary>
/// Mail text is hostile until shown otherwise: it goes through the one untrusted-text module (<see cref="UntrustedText"/>:
/// no control, bidi or other invisible format character — a right-to-left override could make "exe.pdf" read as
/// "fdp.exe"), with runs of white space folded and at most <c>maxLength</c> characters in all, the ellipsis included. This
/// is the stored form; cards still escape it (<c>CardText.Escape</c>) and logs still pass it through <c>PrintableText</c>.
/// </summary>
internal static class MailLine
{
    /// <summary>One line: newlines and tabs become spaces, runs of spaces collapse.</summary>
    public static string Line(string value, int maxLength) =>
        UntrustedText.Clean(string.Join(' ', UntrustedText.Clean(value).Split(' ', StringSplitOptions.RemoveEmptyEntries)), maxLength - 1);

    /// <summary>Several lines: newlines stay, everything else invisible goes.</summary>
    public static string Lines(string value, int maxLength) => UntrustedText.Clean(value, maxLength - 1, multiline: true);
}
