using System.Globalization;
using DtcNotify.Files;

namespace DtcNotify.Intake.Inbox;

/// <summary>
/// <c>&lt;inbox&gt;/&lt;source&gt;/file</c> waits; <c>processed/&lt;source&gt;/</c> and <c>failed/&lt;source&gt;/</c> keep what was done,
/// each file with a <c>.summary.json</c> beside it. The link and partial-file rules are <see cref="DropFolder"/>'s.
/// </summary>
internal sealed class InboxLayout(string root)
{
    public const string ProcessedFolder = "processed";
    public const string FailedFolder = "failed";

    public DropFolder Folder { get; } = new(root);

    public string Root => Folder.Root;

    /// <summary>The waiting files; links (file or source folder) are left where they are and reported to <paramref name="refused"/>.</summary>
    public IEnumerable<InboxFile> Waiting(Action<string, string> refused)
    {
        Directory.CreateDirectory(Root);
        foreach (var entry in Folder.Entries(Root, refused))
        {
            if (entry is FileInfo file)
            {
                yield return new InboxFile(file.FullName, "");
                continue;
            }

            if (entry.Name is ProcessedFolder or FailedFolder)
            {
                continue;
            }

            foreach (var inner in Folder.Entries(entry.FullName, refused).OfType<FileInfo>())
            {
                yield return new InboxFile(inner.FullName, entry.Name);
            }
        }
    }

    /// <summary>Moves the file under processed/ or failed/ with a UTC timestamp prefix; never overwrites. Returns the new path.</summary>
    public string MoveTo(string folder, InboxFile file, DateTimeOffset now)
    {
        var directory = Path.Combine(Root, folder, file.Source);
        Folder.CreateFolder(Path.Combine(Root, folder));
        Folder.CreateFolder(directory);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            var name = attempt == 0 ? $"{stamp}-{file.Name}" : string.Create(CultureInfo.InvariantCulture, $"{stamp}-{attempt}-{file.Name}");
            var target = Path.Combine(directory, name);
            if (File.Exists(target) || File.Exists(target + ".summary.json") || File.Exists(target + ".summary.json.tmp"))
            {
                continue;
            }

            try
            {
                Folder.Move(file.Path, target);
                return target;
            }
            catch (IOException) when (File.Exists(target) && attempt < 100)
            {
                // Lost a race for the name (another instance): take the next one.
            }
        }
    }
}
