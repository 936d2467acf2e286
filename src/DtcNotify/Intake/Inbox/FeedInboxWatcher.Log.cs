namespace DtcNotify.Intake.Inbox;

internal sealed partial class FeedInboxWatcher
{
    private static partial class Log
    {
        public static readonly Func<ILogger, string, string, IDisposable?> FileScope = LoggerMessage.DefineScope<string, string>("Inbox file {File} from {Source}");

        [LoggerMessage(2605, LogLevel.Information, "Watching the feed inbox {Inbox}")]
        public static partial void Watching(ILogger logger, string inbox);

        [LoggerMessage(2606, LogLevel.Information, "Inbox file {File} from {Source}: import {Import}, {Observations} observations (duplicate: {Duplicate}); moved to {Path}")]
        public static partial void Processed(ILogger logger, string file, string source, string import, int observations, bool duplicate, string path);

        [LoggerMessage(2607, LogLevel.Warning, "Inbox file {File} from {Source} refused: {Reason}; moved to {Path}")]
        public static partial void Refused(ILogger logger, string file, string source, string reason, string path);

        [LoggerMessage(2608, LogLevel.Error, "Inbox file {File} from {Source} could not be ingested; it stays in the inbox and is retried in {RetryAfter}")]
        public static partial void IngestFailed(ILogger logger, string file, string source, TimeSpan retryAfter, Exception exception);

        [LoggerMessage(2609, LogLevel.Warning, "Inbox entry {Entry} refused and left where it is: {Reason}")]
        public static partial void LinkRefused(ILogger logger, string entry, string reason);

        [LoggerMessage(2612, LogLevel.Debug, "Inbox file {File} from {Source} is gone: another instance watching the same inbox took it")]
        public static partial void TakenElsewhere(ILogger logger, string file, string source);
    }
}
