using System.Diagnostics;
using DtcNotify.Benchmarks.Postgres;
using Npgsql;

namespace DtcNotify.Benchmarks.EndToEnd;

/// <summary>
/// Where one provider's <c>bench-e2e</c> runs: a database holding the imported registry (imported in every run: its
/// timing is part of the figures), and a fresh copy of it for the re-imports and for each ingest. SQLite copies the file; PostgreSQL creates a database from the
/// registry's as its template.
/// </summary>
internal abstract class BenchDatabase : IDisposable
{
    /// <summary>"SQLite" or "PostgreSQL", for the output.</summary>
    public abstract string Label { get; }

    /// <summary>The child CLI's database settings (provider and connection string) of the ingest copy.</summary>
    public abstract IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Starts from an empty database (nothing an earlier run left).</summary>
    public abstract void Reset();

    /// <summary>Where the registry goes first: the CLI's <c>registry import</c> writes into the ingest database, which is then kept as the registry.</summary>
    public abstract void SaveRegistry();

    /// <summary>Replaces the ingest database by a fresh copy of the registry.</summary>
    public abstract void CopyRegistry();

    /// <summary>Marks every case notified two days before it was created (e-mail, awaiting remediation); returns how many of the scan_ftp report.</summary>
    public abstract long MarkNotified();

    public abstract void Dispose();

    /// <summary><c>--provider sqlite|postgres|both</c> (default sqlite).</summary>
    public static IReadOnlyList<string> Providers(string? option) => option?.ToLowerInvariant() switch
    {
        null or "sqlite" => ["sqlite"],
        "postgres" or "postgresql" => ["postgres"],
        "both" => ["sqlite", "postgres"],
        _ => throw new ArgumentException($"--provider {option}: expected sqlite, postgres or both"),
    };

    public static BenchDatabase Open(string provider, string folder, bool keep, string? connection) => provider switch
    {
        "postgres" => new PostgresBenchDatabase(connection ?? DefaultPostgres(), folder, keep),
        _ => new SqliteBenchDatabase(folder),
    };

    /// <summary>The CI PostgreSQL (<c>.ci/start-postgres</c>), as the tests and <c>bench-matching-postgres</c> find it.</summary>
    private static string DefaultPostgres() =>
        System.Environment.GetEnvironmentVariable("DTCNOTIFY_TEST_POSTGRES") is { Length: > 0 } configured ? configured
            : "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    private sealed class SqliteBenchDatabase(string folder) : BenchDatabase
    {
        private readonly string _registry = Path.Combine(folder, "registry.db");
        private readonly string _db = Path.Combine(folder, "bench.db");

        public override string Label => "SQLite";

        public override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
        {
            ["ConnectionStrings__DtcNotify"] = $"Data Source={_db}",
        };

        public override void Reset()
        {
            foreach (var file in new[] { _db, _db + "-wal", _db + "-shm", _registry })
            {
                File.Delete(file);
            }
        }

        public override void SaveRegistry() => File.Copy(_db, _registry, overwrite: true);

        public override void CopyRegistry()
        {
            // A journal left by an earlier (killed) run would be replayed onto the fresh copy.
            File.Delete(_db + "-wal");
            File.Delete(_db + "-shm");
            File.Copy(_registry, _db, overwrite: true);
        }

        public override long MarkNotified()
        {
            // SQLite stores DateTimeOffset in EF's binary form: (ticks / 1000) << 11 | offset minutes; for UTC values two days
            // earlier is the same number minus (2 days in ticks / 1000) << 11.
            const string Sql = """
                UPDATE "cases" SET "Status" = 'notified', "NotifiedAt" = "CreatedAt" - (1728000000 << 11), "LastNotifiedAt" = "CreatedAt" - (1728000000 << 11),
                    "NotifiedChannel" = 'email', "Remediation" = 'awaiting';
                SELECT count(*) FROM "cases" WHERE "Status" = 'notified' AND "RemediationReport" = 'scan_ftp';
                """;
            using var sqlite = Process.Start(new ProcessStartInfo("sqlite3", [_db, Sql]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("sqlite3 did not start");
            var notified = sqlite.StandardOutput.ReadToEnd().Trim();
            sqlite.WaitForExit();
            return long.Parse(notified, System.Globalization.CultureInfo.InvariantCulture);
        }

        public override void Dispose()
        {
        }
    }

    /// <summary>
    /// A registry database and an ingest database on the server; with <c>--dir</c> both are kept under names derived from
    /// the folder (<see cref="RegistryName"/>, <see cref="IngestName"/>) for a look afterwards, as SQLite keeps registry.db
    /// and bench.db in it; the next run with that folder replaces them.
    /// </summary>
    private sealed class PostgresBenchDatabase : BenchDatabase
    {
        private readonly string _admin;
        private readonly bool _keep;
        private ScratchDatabase? _registry;
        private ScratchDatabase _ingest;

        public PostgresBenchDatabase(string admin, string folder, bool keep)
        {
            _admin = admin;
            _keep = keep;
            // Named after the folder, as registry.db lives in it: another --dir never reuses this registry.
            var tag = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..12];
            RegistryName = $"dtcnotify_bench_registry_{tag}";
            IngestName = $"dtcnotify_bench_ingest_{tag}";
            _ingest = ScratchDatabase.CreateAsync(admin, IngestName).GetAwaiter().GetResult();
        }

        private string RegistryName { get; }

        private string IngestName { get; }

        public override string Label => "PostgreSQL";

        public override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__DtcNotify"] = _ingest.ConnectionString,
        };

        public override void Reset()
        {
            _registry = null; // SaveRegistry renames over a registry database an earlier run kept
            _ingest = ScratchDatabase.CreateAsync(_admin, IngestName, keep: _keep).GetAwaiter().GetResult(); // dropped and created empty
        }

        /// <summary>Renamed only after a complete import, so a kept registry is never one a killed run left half-written.</summary>
        public override void SaveRegistry() => _ingest = _registry = _ingest.RenameAsync(RegistryName, _keep).GetAwaiter().GetResult();

        public override void CopyRegistry()
        {
            var registry = _registry ?? throw new InvalidOperationException("no registry imported");
            if (!ReferenceEquals(_ingest, registry))
            {
                _ingest.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            _ingest = ScratchDatabase.CreateAsync(_admin, IngestName, registry, keep: _keep).GetAwaiter().GetResult();
        }

        public override long MarkNotified()
        {
            const string Update = """
                UPDATE "cases" SET "Status" = 'notified', "NotifiedAt" = "CreatedAt" - interval '2 days', "LastNotifiedAt" = "CreatedAt" - interval '2 days',
                    "NotifiedChannel" = 'email', "Remediation" = 'awaiting'
                """;
            const string Count = """SELECT count(*) FROM "cases" WHERE "Status" = 'notified' AND "RemediationReport" = 'scan_ftp'""";
            using var connection = new NpgsqlConnection(_ingest.ConnectionString);
            connection.Open();
            using (var update = new NpgsqlCommand(Update, connection) { CommandTimeout = 0 })
            {
                update.ExecuteNonQuery();
            }

            using var count = new NpgsqlCommand(Count, connection);
            return (long)count.ExecuteScalar()!;
        }

        public override void Dispose()
        {
            if (!ReferenceEquals(_ingest, _registry))
            {
                _ingest.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            _registry?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
