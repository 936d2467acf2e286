using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DtcNotify.Database;

/// <summary>
/// Lets this process's SQLite writers take turns asynchronously. SQLite has one write lock per file, and
/// Microsoft.Data.Sqlite answers a busy lock by blocking its thread in <c>Thread.Sleep(150)</c> and trying again: under
/// concurrent card actions that made invokes wait in 150 ms steps (p99 661 ms, see bench-invoke) and tied up thread-pool
/// threads, so even <c>/healthz</c> waited. Here a writer first awaits its turn (first come, first served, no thread
/// held), so within one process SQLite's lock is free when it asks. Other processes (a CLI import) still meet SQLite's own
/// retry, as before.
/// <para>
/// A turn is an EF transaction (Microsoft.Data.Sqlite begins them <c>IMMEDIATE</c>, which takes the write lock at once)
/// from begin to commit or rollback, or one writing statement outside a transaction until it finished. Reads never wait.
/// A turn not handed back (a connection closed mid-transaction) is handed back when the connection closes. Whoever waited
/// <see cref="Patience"/> goes on without a turn and meets SQLite's own retry, so a mistake here can only add that wait;
/// a write stuck behind a long in-process import (the feed inbox) therefore fails after up to twice the command timeout.
/// </para>
/// </summary>
internal sealed class SqliteWriteGate : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>Microsoft.Data.Sqlite's default command timeout: no one waits here longer than SQLite itself would have retried.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly object InTransaction = new();

    private static readonly object Reserved = new();

    private readonly SemaphoreSlim _turn = new(1, 1);

    // Who holds the turn on a connection: InTransaction or the writing command. A connection is used by one flow at a
    // time; an entry lives from the turn's start to its end (or the connection's close), so the map stays as small as the
    // one writer it has. (A ConditionalWeakTable churned containers and their finalizers at a few hundred writes a second.)
    private readonly ConcurrentDictionary<DbConnection, object> _holders = new(ReferenceEqualityComparer.Instance);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Enter(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Enter(command);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(command.Connection, command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Leave(command.Connection, command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, command);
        return ValueTask.FromResult(result);
    }

    /// <summary>A writing statement read through a reader (<c>INSERT … RETURNING</c>) ends when its reader closes.</summary>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (IsHolder(command.Connection, command))
        {
            // Close first: that ends the statement, and with it SQLite's write lock, before the next writer goes.
            eventData.DataReader.Close();
            Leave(command.Connection, command);
        }

        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command.Connection, command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command.Connection, command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, command);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!_holders.TryGetValue(connection, out _) && _turn.Wait(Patience))
        {
            _holders[connection] = InTransaction;
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!_holders.TryGetValue(connection, out _) && await _turn.WaitAsync(Patience, cancellationToken))
        {
            _holders[connection] = InTransaction;
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => End(eventData);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => End(eventData);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => End(eventData);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) => End(eventData);

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection, null);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection, null);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection, null);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection, null);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Takes the turn for <paramref name="connection"/>'s next writes if it comes within <paramref name="patience"/> (no
    /// thread held while waiting); false when it did not. A caller that got it writes and then calls <see cref="HandBack"/>
    /// (closing the connection hands it back too). For a writer that would rather do something else than wait long.
    /// </summary>
    public async Task<bool> TryTakeTurnAsync(DbConnection connection, TimeSpan patience, CancellationToken cancellationToken)
    {
        if (_holders.ContainsKey(connection))
        {
            return true;
        }

        if (!await _turn.WaitAsync(patience, cancellationToken))
        {
            return false;
        }

        _holders[connection] = Reserved;
        return true;
    }

    /// <summary>Hands back a turn taken by <see cref="TryTakeTurnAsync"/> (nothing if the connection's close already did).</summary>
    public void HandBack(DbConnection connection) => Leave(connection, Reserved);

    public void Dispose() => _turn.Dispose();

    /// <summary>Whether <paramref name="command"/> writes outside a transaction: inside one, the transaction holds the turn.</summary>
    private bool NeedsTurn(DbCommand command) =>
        command.Connection is { } connection && command.Transaction is null && !_holders.TryGetValue(connection, out _)
        && !command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private async ValueTask EnterAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (NeedsTurn(command) && await _turn.WaitAsync(Patience, cancellationToken))
        {
            _holders[command.Connection!] = command;
        }
    }

    private void Enter(DbCommand command)
    {
        if (NeedsTurn(command) && _turn.Wait(Patience))
        {
            _holders[command.Connection!] = command;
        }
    }

    /// <summary>Committing ends a Microsoft.Data.Sqlite transaction's link to its connection; the context still knows it.</summary>
    private Task End(TransactionEventData eventData)
    {
        Leave(eventData.Context?.Database.GetDbConnection(), InTransaction);
        return Task.CompletedTask;
    }

    private bool IsHolder(DbConnection? connection, object owner) =>
        connection is not null && _holders.TryGetValue(connection, out var holder) && ReferenceEquals(holder, owner);

    /// <summary>Hands the turn on if <paramref name="connection"/> holds it (for <paramref name="owner"/>, or for anything when null).</summary>
    private void Leave(DbConnection? connection, object? owner)
    {
        if (connection is not null && _holders.TryGetValue(connection, out var holder) && (owner is null || ReferenceEquals(holder, owner))
            && _holders.TryRemove(connection, out _))
        {
            _turn.Release();
        }
    }
}
