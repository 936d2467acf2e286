using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Intake;

namespace DtcNotify.Data.Import;

/// <summary>
/// The bulk writes and reads of a feed import, per database: a large report writes hundreds of thousands of rows, far too
/// many for change tracking, and each provider has its own fastest way (SQLite: its own prepared statements, in-process;
/// PostgreSQL: multi-row statements that save round trips). Columns, names and conversions come from the EF model, so a
/// property added to an entity is written here too. Every call runs on the context's connection, inside its transaction.
/// Get one with <see cref="ImportStore.For"/>.
/// </summary>
public interface IImportStore
{
    /// <summary>Connection settings for one large import (SQLite's page cache); disposing puts them back.</summary>
    Task<IAsyncDisposable> TuneForBulkAsync(CancellationToken ct);

    /// <summary>
    /// After the import's first write: the first of the case ids the import may hand out while the file streams (SQLite,
    /// where the import holds the only write lock; the observation → case key is then checked at commit), or null when
    /// ids come only with <see cref="TakeCaseIdsAsync"/> and observations are linked afterwards (<see cref="LinkObservationsAsync"/>).
    /// </summary>
    Task<long?> ReserveCaseIdsAsync(CancellationToken ct);

    /// <summary><paramref name="count"/> new case ids, when <see cref="ReserveCaseIdsAsync"/> gave none.</summary>
    Task<long[]> TakeCaseIdsAsync(int count, CancellationToken ct);

    /// <summary>A writer of matched observations (every mapped column of <see cref="StoredObservation"/>).</summary>
    IObservationSink OpenObservations();

    /// <summary>Inserts new cases with the ids given to them (every mapped column of <see cref="ThreatCase"/>).</summary>
    Task InsertCasesAsync(IReadOnlyList<(ThreatCase Case, long Id)> cases, CancellationToken ct);

    /// <summary>
    /// The cases with these ids, untracked, for an import to add to. Their JSON columns (<see cref="ThreatCase.Measures"/>,
    /// <see cref="ThreatCase.Explanation"/>) are read only where triage still decides the case (<see cref="ThreatCase.IsRetriageable"/>)
    /// and empty elsewhere: an import writes them back only where triage ran, and deserialising them for every case an
    /// analyst already handles was most of the cost of reading 70,000 cases.
    /// </summary>
    Task<List<ThreatCase>> ReadCasesToAddToAsync(long[] ids, CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="properties"/> of cases read untracked, by id, if their version is still the one they were read
    /// with; throws <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/> when one changed meanwhile.
    /// </summary>
    Task UpdateCasesAsync(IReadOnlyList<(ThreatCase Case, int LoadedVersion)> cases, IReadOnlyList<string> properties, CancellationToken ct);

    /// <summary>
    /// Links the import's observations that have no case yet (or one of <paramref name="superseded"/>) to the newest case of
    /// their company × threat that collects observations (<see cref="ThreatCase.CollectsObservations"/>).
    /// </summary>
    Task LinkObservationsAsync(long importId, IReadOnlyList<long> superseded, CancellationToken ct);

    /// <summary>Every registry asset (company id, asset id, kind, value), read without EF materialisation (a million rows for a large registry).</summary>
    Task<List<T>> ReadAssetsAsync<T>(int expected, Func<long, long, AssetKind, string, T> create, CancellationToken ct);

    /// <summary>Once after migrating: settings stored in the database itself (SQLite's WAL journal).</summary>
    Task AfterMigrationAsync(CancellationToken ct);

    /// <summary>
    /// First thing in the import's transaction: waits until no other import runs on this database, from any instance, and
    /// holds that turn until commit or rollback; the import then checks for a duplicate file again, inside the turn. Two
    /// instances that get the same file (both inbox watchers, or one upload to each) import it once, and two imports never
    /// each create the same company × threat case. SQLite's writers already take turns (one writer per database file and
    /// the process's write gate); PostgreSQL takes a transaction-scoped advisory lock.
    /// </summary>
    Task TakeImportTurnAsync(CancellationToken ct);
}

/// <summary>Writes matched observations of one import in bulk; <see cref="FlushAsync"/> before anything reads them.</summary>
public interface IObservationSink : IAsyncDisposable
{
    ValueTask AddAsync(StoredObservation observation, CancellationToken ct);

    Task FlushAsync(CancellationToken ct);
}

public static class ImportStore
{
    /// <summary>The store of <paramref name="db"/>'s provider.</summary>
    public static IImportStore For(DtcNotifyDbContext db) => db switch
    {
        SqliteDtcNotifyDbContext sqlite => new SqliteImportStore(sqlite),
        PostgresDtcNotifyDbContext postgres => new PostgresImportStore(postgres),
        _ => throw new NotSupportedException($"no import store for {db.GetType().Name}"),
    };
}
