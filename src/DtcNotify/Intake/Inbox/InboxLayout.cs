using System.Globalization;

namespace DtcNotify.Intake.Inbox;

/// <summary>
/// <c>&lt;inbox&gt;/&lt;source&gt;/file</c> waits; <c>processed/&lt;source&gt;/</c> and <c>failed/&lt;source&gt;/</c> keep what was done,
/// each file with a <c>.summary.json</c> beside it.
/// </summary>
internal sealed class InboxLayout(string root)
{
    public const string ProcessedFolder = "processed";
    public const string FailedFolder = "failed";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Files partners may still be writing are skipped: hidden names and the usual upload-then-rename suffixes.</summary>
    public static bool IsInProgress(string name) =>
        name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<InboxFile> Waiting()
    {
        Directory.CreateDirectory(Root);
        foreach (var path in Directory.EnumerateFiles(Root).Where(p => !IsInProgress(Path.GetFileName(p))))
        {
            yield return new InboxFile(path, "");
        }

        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var source = Path.GetFileName(folder);
            if (source is ProcessedFolder or FailedFolder || IsInProgress(source))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder).Where(p => !IsInProgress(Path.GetFileName(p))))
            {
                yield return new InboxFile(path, source);
            }
        }
    }

    /// <summary>Moves the file under processed/ or failed/ with a UTC timestamp prefix; never overwrites. Returns the new path.</summary>
    public string MoveTo(string folder, InboxFile file, DateTimeOffset now)
    {
        var directory = Path.Combine(Root, folder, file.Source);
        Directory.CreateDirectory(directory);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            var name = attempt == 0 ? $"{stamp}-{file.Name}" : string.Create(CultureInfo.InvariantCulture, $"{stamp}-{attempt}-{file.Name}");
            var target = Path.Combine(directory, name);
            if (File.Exists(target) || File.Exists(target + ".summary.json"))
            {
                continue;
            }

            try
            {
                File.Move(file.Path, target, overwrite: false);
                return target;
            }
            catch (IOException) when (File.Exists(target) && attempt < 100)
            {
                // Lost a race for the name (another instance): take the next one.
            }
        }
    }
}
