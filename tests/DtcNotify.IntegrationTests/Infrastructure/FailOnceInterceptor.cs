using System.Data.Common;
using DtcNotify.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>
/// Fails the first database command of the app that <paramref name="matches"/> accepts (a bug or hiccup in one round of a
/// background loop), lets every later one through and counts them, so a test sees the loop come back for another round.
/// </summary>
internal sealed class FailOnceInterceptor(Func<DbCommand, bool> matches) : DbCommandInterceptor
{
    public const string Fault = "injected fault in one round";

    private int _matched;

    /// <summary>How many matching commands came, the failed one included.</summary>
    public int Matched => Volatile.Read(ref _matched);

    /// <summary>The command's SQL, quotes removed (Npgsql quotes names, SQLite does not always), contains <paramref name="text"/>.</summary>
    public static bool Mentions(DbCommand command, string text) =>
        command.CommandText.Replace("\"", "", StringComparison.Ordinal).Contains(text, StringComparison.Ordinal);

    public static bool HasParameter(DbCommand command, string value) =>
        command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, value));

    /// <summary>Adds this interceptor to the app's database contexts of both providers.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteDtcNotifyDbContext>((_, o) => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresDtcNotifyDbContext>((_, o) => o.AddInterceptors(this));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Check(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Check(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Check(command, result));

    private T Check<T>(DbCommand command, T result) =>
        matches(command) && Interlocked.Increment(ref _matched) == 1 ? throw new InvalidOperationException(Fault) : result;
}
