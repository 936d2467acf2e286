using System.Text.Json;
using DtcNotify.Cli;

namespace DtcNotify.Intake.Inbox;

/// <summary>What happened to one inbox file: the import summary, or why the whole file was refused.</summary>
internal sealed record InboxOutcome(IngestResult? Result, InboxRefusal? Refusal)
{
    public string Folder => Result is null ? InboxLayout.FailedFolder : InboxLayout.ProcessedFolder;

    public string? Reason => Refusal?.Reason;

    public static InboxOutcome Processed(IngestResult result) => new(result, null);

    public static InboxOutcome Failed(InboxFile file, string reason) => new(null, new InboxRefusal(file.Name, file.Source, reason));
}

/// <summary>The summary of a failed file.</summary>
internal sealed record InboxRefusal(string File, string Source, string Reason);

internal static class InboxSummary
{
    /// <summary>Writes <c>&lt;file&gt;.summary.json</c>: the same JSON as <c>ingest --json</c>, or the refusal.</summary>
    public static async Task WriteAsync(string movedPath, InboxOutcome outcome, CancellationToken cancellationToken)
    {
        // Written under a temporary name and renamed, so whoever watches for summaries never reads half of one.
        var temporary = movedPath + ".summary.json.tmp";
        // CreateNew: never through a link someone put at this name beforehand (and never over another file).
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            if (outcome.Result is { } result)
            {
                await JsonSerializer.SerializeAsync(file, result, CliJson.Options, cancellationToken);
            }
            else
            {
                await JsonSerializer.SerializeAsync(file, outcome.Refusal, CliJson.Options, cancellationToken);
            }
        }

        File.Move(temporary, movedPath + ".summary.json", overwrite: false);
    }
}
