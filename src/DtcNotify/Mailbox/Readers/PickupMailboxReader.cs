using DtcNotify.Files;
using DtcNotify.Intake.Inbox;
using DtcNotify.Mailbox.Processing;

namespace DtcNotify.Mailbox.Readers;

/// <summary>
/// Development and tests: <c>.eml</c> files dropped into <c>Mail:Inbox:PickupDirectory</c> are read and then moved to
/// <c>processed/</c> or <c>unmatched/</c> (timestamped, never overwriting). The feed inbox's rules apply: names starting
/// with <c>.</c> or ending in <c>.tmp</c>/<c>.part</c> are never taken, and a file is taken only once its size and time
/// are the same at two looks (<see cref="FileStability"/>), so a file still being written is not read half; and a link is
/// never read, moved or followed (<see cref="DropFolder"/>, the feed inbox's rules).
/// </summary>
internal sealed class PickupMailboxReader(string directory, long maxBytes, FileStability stability, TimeProvider clock) : IMailboxReader
{
    public const string ProcessedFolder = "processed";
    public const string UnmatchedFolder = "unmatched";

    /// <summary>Between the two looks at a new file within one round.</summary>
    public static readonly TimeSpan SecondLook = TimeSpan.FromSeconds(1);

    public string Name => "Pickup";

    public async Task ReadAsync(ProcessMail process, CancellationToken ct)
    {
        var layout = new InboxLayout(directory);
        Directory.CreateDirectory(layout.Root);
        var ready = Ready(layout.Folder);
        if (ready.Count == 0 && Waiting(layout.Folder).Any())
        {
            await Task.Delay(SecondLook, clock, ct);
            ready = Ready(layout.Folder);
        }

        foreach (var file in ready)
        {
            var size = new FileInfo(file.Path).Length;
            byte[]? content = null;
            if (size <= maxBytes)
            {
                await using var stream = layout.Folder.OpenRead(file.Path);
                content = await BoundedContent.ReadAsync(stream, maxBytes, ct);
            }

            var result = await process(new RawMail(Name, file.Name, content, size, content is null ? BoundedContent.TooLarge(size, maxBytes) : null), ct);
            layout.MoveTo(result.Unmatched ? UnmatchedFolder : ProcessedFolder, file, clock.GetUtcNow());
        }
    }

    private List<InboxFile> Ready(DropFolder folder) => stability.Ready(Waiting(folder));

    // Only the folder's own regular files, by DropFolder's rules: a link could point anywhere on the machine, and its
    // target would end up in the channel. A refused link stays where it is (the feed inbox logs it; here it is skipped).
    private static IEnumerable<InboxFile> Waiting(DropFolder folder) =>
        folder.Entries(folder.Root, (_, _) => { })
            .OfType<FileInfo>()
            .Where(f => f.Name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.FullName)
            .Order(StringComparer.Ordinal)
            .Select(p => new InboxFile(p, ""));
}
