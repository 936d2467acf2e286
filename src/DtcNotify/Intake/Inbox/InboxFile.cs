using DtcNotify.Text;

namespace DtcNotify.Intake.Inbox;

/// <summary>A file waiting in <c>&lt;inbox&gt;/&lt;source&gt;/</c>; <see cref="Source"/> is the folder name (empty for a file in the inbox root).</summary>
internal sealed record InboxFile(string Path, string Source)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Names come from whoever writes the inbox: only their printable form goes to a log.</summary>
    public string PrintableName => PrintableText.Safe(Name);

    public string PrintableSource => PrintableText.Safe(Source);
}
