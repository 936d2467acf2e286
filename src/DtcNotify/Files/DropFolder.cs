namespace DtcNotify.Files;

/// <summary>
/// A folder others write into and the service reads from and moves out of (the feed inbox; the mailbox pickup reader
/// applies the same rules). Whoever can write here must not be able to make the service read, move or follow anything
/// outside it, nor take a file that is still being written:
/// <list type="bullet">
/// <item>a link (file or folder, at any depth) is never read, moved or followed: it is refused with a reason;</item>
/// <item>every path is checked to resolve to where it says, under the real root, both before and after it is opened;</item>
/// <item>hidden names and the upload-then-rename suffixes <c>.tmp</c>/<c>.part</c> are partial files and never taken
/// (<see cref="IsInProgress"/>); <see cref="FileStability"/> adds "unchanged between two looks".</item>
/// </list>
/// </summary>
internal sealed class DropFolder
{
    private string? _realRoot;

    public DropFolder(string root) => Root = Path.GetFullPath(root);

    /// <summary>The folder as configured (absolute).</summary>
    public string Root { get; }

    /// <summary>Files partners may still be writing are skipped: hidden names and the usual upload-then-rename suffixes.</summary>
    public static bool IsInProgress(string name) =>
        name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a symbolic link (or Windows reparse point), without following it.</summary>
    public static bool IsLink(FileSystemInfo entry) =>
        entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint);

    /// <summary>
    /// The entries directly in <paramref name="folder"/> (a folder under the root, or the root): regular files and real
    /// folders that are not in progress. Links are not returned but reported to <paramref name="refused"/>.
    /// </summary>
    public IEnumerable<FileSystemInfo> Entries(string folder, Action<string, string> refused)
    {
        if (Path.GetFullPath(folder) != Root)
        {
            CheckedRelative(folder);
        }

        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (IsInProgress(entry.Name))
            {
                continue;
            }

            if (IsLink(entry))
            {
                refused(entry.FullName, "it is a link; links are never read, moved or followed");
                continue;
            }

            yield return entry;
        }
    }

    /// <summary>
    /// Opens a file under the root for reading, or throws <see cref="DropFolderRefusedException"/>: no link on the way
    /// (checked before opening, and after opening against the path the open file really has), never outside the root.
    /// </summary>
    public FileStream OpenRead(string path)
    {
        var relative = CheckedRelative(path);
        var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.SequentialScan });
        try
        {
            // Linux tells where the open file really is: a component swapped for a link between the check and the open shows here.
            var opened = new FileInfo($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}");
            if (opened.Exists && opened.LinkTarget is { } actual && actual != Path.Combine(RealRoot, relative))
            {
                throw new DropFolderRefusedException($"{relative} resolves to another place than it says; links are never followed");
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Moves a file within the root, never through a link and never over an existing file.</summary>
    public void Move(string from, string to)
    {
        CheckedRelative(from);
        CheckedRelative(to);
        File.Move(from, to, overwrite: false);
    }

    /// <summary>Creates a folder under the root (for processed/failed), refusing when a link stands where it should be.</summary>
    public void CreateFolder(string folder)
    {
        CheckedRelative(folder);
        Directory.CreateDirectory(folder);
        CheckedRelative(folder);
    }

    /// <summary>The path relative to the root, after checking it stays under the root and no existing component is a link.</summary>
    private string CheckedRelative(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Root, full);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new DropFolderRefusedException($"{path} is not under {Root}");
        }

        var current = Root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            var entry = new FileInfo(current);
            if ((entry.Exists || Directory.Exists(current) || entry.LinkTarget is not null) && IsLink(entry))
            {
                throw new DropFolderRefusedException($"{relative}: {part} is a link; links are never read, moved or followed");
            }
        }

        return relative;
    }

    /// <summary>The root with every link in it (the operator's own choice, e.g. a mount) resolved, once.</summary>
    private string RealRoot => _realRoot ??= Resolve(Root, depth: 0);

    private static string Resolve(string path, int depth)
    {
        var current = Path.GetPathRoot(path) ?? "/";
        foreach (var part in path[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (depth < 40 && new DirectoryInfo(current).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Resolve(target.FullName, depth + 1);
            }
        }

        return current;
    }
}

/// <summary>A path in a drop folder that is refused: a link, or a path that leaves the folder. The message holds names
/// whoever writes the folder chose, so only their printable form (it reaches logs).</summary>
internal sealed class DropFolderRefusedException(string message) : IOException(DtcNotify.Text.PrintableText.Safe(message));
