using DtcNotify.Intake.Inbox;
using DtcNotify.Mailbox.Processing;

namespace DtcNotify.Mailbox.Readers;

/// <summary>
/// Development and tests: <c>.eml</c> files dropped into <c>Mail:Inbox:PickupDirectory</c> are read and then moved to
/// <c>processed/</c> or <c>unmatched/</c> (timestamped, never overwriting). The feed inbox's rules apply: names starting
/// with <c>.</c> or ending in <c>.tmp</c>/<c>.part</c> are never taken, and a file is taken only once its size and time
/// are the same at two looks (<see cref="FileStability"/>), so a file still being written is not read half.
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
        var ready = Ready(layout.Root);
        if (ready.Count == 0 && Waiting(layout.Root).Any())
        {
            await Task.Delay(SecondLook, clock, ct);
            ready = Ready(layout.Root);
        }

        foreach (var file in ready)
        {
            var size = new FileInfo(file.Path).Length;
            byte[]? content = null;
            if (size <= maxBytes)
            {
                await using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
                content = await BoundedContent.ReadAsync(stream, maxBytes, ct);
            }

            var result = await process(new RawMail(Name, file.Name, content, size, content is null ? BoundedContent.TooLarge(size, maxBytes) : null), ct);
            layout.MoveTo(result.Unmatched ? UnmatchedFolder : ProcessedFolder, file, clock.GetUtcNow());
        }
    }

    private List<InboxFile> Ready(string root) => stability.Ready(Waiting(root));

    // Only the folder's own regular files: a symbolic link could point anywhere on the machine, and its target would end up
    // in the channel (the feed inbox's link rule, kept in one line here so both can move onto the shared rules together).
    private static IEnumerable<InboxFile> Waiting(string root) =>
        Directory.EnumerateFiles(root, "*.eml")
            .Where(p => !InboxLayout.IsInProgress(Path.GetFileName(p)) && new FileInfo(p).LinkTarget is null)
            .Order(StringComparer.Ordinal)
            .Select(p => new InboxFile(p, ""));
}
