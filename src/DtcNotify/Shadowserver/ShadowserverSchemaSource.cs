using DtcNotify.Feeds;
using DtcNotify.Options;
using Microsoft.Extensions.Options;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Shadowserver;

/// <summary>
/// The Shadowserver schema in force: the file at <see cref="Path"/> (<c>Feeds:ShadowserverSchemaFile</c>, by default
/// <c>data/shadowserver-schema.json</c>), re-read when its time or size changes (a <c>schema update</c> by the CLI, a copy
/// by hand, the refresher), else the mapping shipped with DtcNotify. Checked on every use: one stat per report.
/// </summary>
internal sealed partial class ShadowserverSchemaSource
{
    public const string DefaultFile = "data/shadowserver-schema.json";

    private readonly ILogger<ShadowserverSchemaSource> _logger;
    private readonly Lock _gate = new();
    private (DateTime Time, long Length)? _stamp;
    private ShadowserverSchema? _schema;
    private bool _warnedMissing;

    public ShadowserverSchemaSource(IOptions<FeedsOptions> options, ILogger<ShadowserverSchemaSource> logger)
    {
        _logger = logger;
        Path = string.IsNullOrWhiteSpace(options.Value.ShadowserverSchemaFile) ? DefaultFile : options.Value.ShadowserverSchemaFile;
    }

    /// <summary>Where the schema file is read from and where <c>schema update</c> writes it.</summary>
    public string Path { get; }

    /// <summary>The schema to parse the next report with.</summary>
    /// <exception cref="InvalidOperationException">The file exists but is not a schema (message names the file); only
    /// when no valid version of it was loaded before: a bad copy over a good file keeps the good one, with an error logged.</exception>
    public ShadowserverSchema Current
    {
        get
        {
            lock (_gate)
            {
                var file = new FileInfo(Path);
                if (!file.Exists)
                {
                    WarnMissing();
                    return _schema ?? ShadowserverSchema.LoadDefault();
                }

                var stamp = (file.LastWriteTimeUtc, file.Length);
                if (_stamp != stamp)
                {
                    Reload(stamp);
                }

                return _schema!;
            }
        }
    }

    /// <summary>Reads and validates a schema file; the message names the file.</summary>
    public static ShadowserverSchema Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return ShadowserverSchema.Load(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidOperationException($"Feeds:ShadowserverSchemaFile '{path}' is not a Shadowserver schema: {ex.Message}", ex);
        }
    }

    private void Reload((DateTime, long) stamp)
    {
        try
        {
            var schema = Read(Path);
            var first = _schema is null;
            _schema = schema;
            _stamp = stamp;
            _warnedMissing = false;
            Log.Loaded(_logger, Path, schema.Reports.Count, schema.DateCreated ?? "unknown", first ? "loaded" : "reloaded");
        }
        catch (Exception ex) when (_schema is not null && ex is InvalidOperationException or IOException)
        {
            _stamp = stamp; // logged once per change of the file
            Log.ReloadFailed(_logger, Path, ex);
        }
    }

    private void WarnMissing()
    {
        if (!_warnedMissing)
        {
            _warnedMissing = true;
            Log.Missing(_logger, Path);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3106, LogLevel.Warning, "Shadowserver schema file {Path} does not exist yet; using the mapping shipped with DtcNotify until 'dtcnotify shadowserver schema update' writes it")]
        public static partial void Missing(ILogger logger, string path);

        [LoggerMessage(3107, LogLevel.Information, "Shadowserver schema {Path} {What}: {Reports} report types, created {Created}")]
        public static partial void Loaded(ILogger logger, string path, int reports, string created, string what);

        [LoggerMessage(3108, LogLevel.Error, "Shadowserver schema {Path} changed but cannot be read; the previous version stays in use")]
        public static partial void ReloadFailed(ILogger logger, string path, Exception exception);
    }
}
