namespace DtcNotify.Intake.Inbox;

/// <summary>
/// A file is ready once its size and modification time are the same at two looks in a row, so a file still being
/// copied in is not ingested half-written (partners can also upload as <c>.part</c>/<c>.tmp</c> and rename).
/// </summary>
internal sealed class FileStability
{
    private Dictionary<string, (long Length, DateTime Modified)> _previous = new(StringComparer.Ordinal);

    /// <summary>Looks at every waiting file once; returns those unchanged since the last look.</summary>
    public List<InboxFile> Ready(IEnumerable<InboxFile> waiting)
    {
        var seen = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        var ready = new List<InboxFile>();
        foreach (var file in waiting)
        {
            var info = new FileInfo(file.Path);
            if (!info.Exists)
            {
                continue;
            }

            var look = (info.Length, info.LastWriteTimeUtc);
            if (_previous.TryGetValue(file.Path, out var before) && before == look)
            {
                ready.Add(file);
            }

            seen[file.Path] = look;
        }

        _previous = seen;
        return ready;
    }
}
