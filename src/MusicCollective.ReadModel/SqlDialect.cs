using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MusicCollective.ReadModel;

/// <summary>
/// What differs between SQLite and PostgreSQL, and nothing else: column types, how a connection is opened and a
/// transaction begun, how parameters are named, and how times and dates are stored. The SQL itself is written once,
/// in <see cref="SqlReadModelStore"/> and <see cref="ReadModelSchema"/>, with positional parameters <c>$1, $2…</c>
/// that both engines understand (SQLite binds them by name, Npgsql by position without rewriting the SQL).
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    public static SqlDialect Create(DatabaseKind kind, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return kind switch
        {
            DatabaseKind.Sqlite => new SqliteDialect(connectionString),
            DatabaseKind.PostgreSql => new PostgreSqlDialect(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown database kind"),
        };
    }

    public abstract DatabaseKind Kind { get; }

    /// <summary>Column type of ids and keys: compared byte-wise in both engines, so pages are ordered alike.</summary>
    public abstract string KeyType { get; }

    /// <summary>Column type of 64-bit integers (money in minor units, offsets).</summary>
    public abstract string Int64Type { get; }

    /// <summary>Column type of an instant (microsecond precision, UTC).</summary>
    public abstract string TimestampType { get; }

    /// <summary>Column type of a calendar date.</summary>
    public abstract string DateType { get; }

    /// <summary>Column definition of an ever-increasing, never reused 64-bit primary key.</summary>
    public abstract string IdentityPrimaryKey { get; }

    /// <summary>Text after a table's closing parenthesis (SQLite: STRICT, so no value is ever silently re-typed).</summary>
    public abstract string TableOptions { get; }

    /// <summary>Rows per multi-row INSERT statement (ledger transactions, postings).</summary>
    public abstract int RowsPerInsert { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Database-wide settings made once, outside any transaction, before the schema is created.</summary>
    public abstract Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises schema creation between processes starting at the same time.</summary>
    public abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken);

    /// <summary>A transaction that writes; SQLite takes the write lock at once (BEGIN IMMEDIATE).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A transaction whose reads all see one snapshot (for the ledger check).</summary>
    public abstract Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection,
        CancellationToken cancellationToken);

    /// <summary>Names the parameter that the SQL refers to as <c>$ordinal</c> (1-based).</summary>
    public abstract void NameParameter(DbParameter parameter, int ordinal);

    public abstract DbType TimestampDbType { get; }

    public abstract object ToDbTimestamp(DateTimeOffset value);

    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    public abstract DbType DateDbType { get; }

    public abstract object ToDbDate(DateOnly value);

    public abstract DateOnly ReadDate(DbDataReader reader, int ordinal);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// The instant as stored: UTC, truncated to whole microseconds (PostgreSQL's precision), so both engines return
    /// the same value for the same input.
    /// </summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TicksPerMicrosecond, TimeSpan.Zero);

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;
}

/// <summary>
/// SQLite: STRICT tables, WAL journal and a busy timeout (the Akka journal may share the file), instants as UTC ticks
/// in an INTEGER, dates as ISO text (which sorts like the date).
/// </summary>
internal sealed class SqliteDialect(string connectionString) : SqlDialect
{
    /// <summary>How long a statement waits for another connection's lock before "database is locked".</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString = connectionString;

    public override DatabaseKind Kind => DatabaseKind.Sqlite;
    public override string KeyType => "TEXT";
    public override string Int64Type => "INTEGER";
    public override string TimestampType => "INTEGER";
    public override string DateType => "TEXT";
    public override string IdentityPrimaryKey => "INTEGER PRIMARY KEY AUTOINCREMENT";
    public override string TableOptions => " STRICT";

    /// <summary>
    /// One: SQLite runs in-process, so a statement costs no round trip, and one prepared single-row INSERT re-bound
    /// per row is its fastest path (measured: ~6,000 transactions of 8 postings per second here). Multi-row
    /// statements bind parameters by name at a cost that grows with their number.
    /// </summary>
    public override int RowsPerInsert => 1;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // A per-connection setting: pooled connections keep it, but setting it again costs next to nothing.
            command.CommandText = $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is stored in the file, so once is enough: readers no longer block the writer, nor it them.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        // An in-memory database answers "memory" and cannot use WAL; any file database must.
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(mode, "memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL journal mode (it answered '{mode}')");
        }
    }

    public override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken) =>
        Task.CompletedTask; // BEGIN IMMEDIATE already holds the only write lock.

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection,
        CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override void NameParameter(DbParameter parameter, int ordinal) =>
        parameter.ParameterName = "$" + ordinal.ToString(CultureInfo.InvariantCulture);

    public override DbType TimestampDbType => DbType.Int64;

    public override object ToDbTimestamp(DateTimeOffset value) => ToStoredPrecision(value).UtcTicks;

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public override DbType DateDbType => DbType.String;

    public override object ToDbDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override ValueTask DisposeAsync()
    {
        // Closes this database's idle pooled connections, so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// PostgreSQL: keys in the "C" collation (byte order, like SQLite), instants as timestamptz, dates as date, one
/// <see cref="NpgsqlDataSource"/> (connection pool) per store.
/// </summary>
internal sealed class PostgreSqlDialect(string connectionString) : SqlDialect
{
    /// <summary>The advisory lock that serialises schema creation: any constant unique to this schema.</summary>
    private const long SchemaLockKey = 0x4D43_524D_0001; // "MCRM" 1

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override DatabaseKind Kind => DatabaseKind.PostgreSql;
    public override string KeyType => "TEXT COLLATE \"C\"";
    public override string Int64Type => "BIGINT";
    public override string TimestampType => "TIMESTAMPTZ";
    public override string DateType => "DATE";
    public override string IdentityPrimaryKey => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    public override string TableOptions => "";

    /// <summary>
    /// Many: each statement is a network round trip. 500 postings are 6,500 parameters (the limit is 65,535); larger
    /// statements measured no faster.
    /// </summary>
    public override int RowsPerInsert => 500;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        // Two nodes starting together would otherwise race on CREATE TABLE IF NOT EXISTS (duplicate pg_type rows).
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({SchemaLockKey.ToString(CultureInfo.InvariantCulture)})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection,
        CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public override async Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection,
        CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public override void NameParameter(DbParameter parameter, int ordinal)
    {
        // Unnamed parameters are positional in Npgsql: $1 is the first one added.
    }

    public override DbType TimestampDbType => DbType.DateTimeOffset;

    public override object ToDbTimestamp(DateTimeOffset value) => ToStoredPrecision(value);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override DbType DateDbType => DbType.Date;

    public override object ToDbDate(DateOnly value) => value;

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
