using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MusicCollective.LoadTest;

/// <summary>Database counters at one instant (PostgreSQL's statistics are flushed about once a second).</summary>
public sealed record DatabaseCounters(long JournalOrdering, long ProjectedOffset, long Commits, long RowsInserted,
    long RowsUpdated);

/// <summary>What the read model holds once the projection caught up: the check that the work really happened.</summary>
public sealed record LedgerCheck(long SettledGigs, long Transactions, long Postings, long Imbalance);

/// <summary>
/// Reads the server's databases directly (never through the server): the journal's highest ordering, the read-model
/// projection's offset, commit and row counters, and the ledger check at the end.
/// </summary>
public sealed class DatabaseProbe
{
    private readonly StorageMode _mode;
    private readonly string _journal;
    private readonly string _readModel;

    private DatabaseProbe(StorageMode mode, string journal, string readModel)
    {
        _mode = mode;
        _journal = journal;
        _readModel = readModel;
    }

    /// <summary>A probe of the PostgreSQL database holding both the journal and the read model.</summary>
    public static DatabaseProbe ForPostgres(string connectionString) =>
        new(StorageMode.PostgreSql, connectionString, connectionString);

    /// <summary>A probe of the server's SQLite files in <paramref name="directory"/>.</summary>
    public static DatabaseProbe ForSqlite(string directory) => new(StorageMode.Sqlite,
        SqliteReadOnly(Path.Combine(directory, "journal.db")), SqliteReadOnly(Path.Combine(directory, "readmodel.db")));

    /// <summary>The counters now.</summary>
    public async Task<DatabaseCounters> ReadAsync(CancellationToken cancellationToken)
    {
        var ordering = await ScalarAsync(_journal, "SELECT COALESCE(MAX(ordering), 0) FROM journal", cancellationToken);
        var offset = await ScalarAsync(_readModel,
            "SELECT COALESCE(MAX(\"offset\"), 0) FROM rm_projection_offsets WHERE projection = 'read-model'", cancellationToken);
        if (_mode != StorageMode.PostgreSql) return new DatabaseCounters(ordering, offset, 0, 0, 0);
        await using var connection = new NpgsqlConnection(_journal);
        await connection.OpenAsync(cancellationToken);
        // Pending statistics of this backend are not others' business; the server's backends flush theirs.
        await using var command = new NpgsqlCommand(
            "SELECT xact_commit, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = current_database()",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseCounters(ordering, offset, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// Waits until the projection has reached the journal's highest ordering as it is when the wait starts; returns
    /// how long that took, or null if it did not within <paramref name="timeout"/> or stopped moving for
    /// <see cref="ProjectionStallMax"/>.
    /// </summary>
    public async Task<TimeSpan?> WaitForProjectionAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var target = (await ReadAsync(cancellationToken)).JournalOrdering;
        var lastOffset = -1L;
        var lastMove = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && lastMove.Elapsed < ProjectionStallMax)
        {
            var offset = await ScalarAsync(_readModel,
                "SELECT COALESCE(MAX(\"offset\"), 0) FROM rm_projection_offsets WHERE projection = 'read-model'",
                cancellationToken);
            if (offset >= target) return watch.Elapsed;
            if (offset != lastOffset) lastMove.Restart();
            lastOffset = offset;
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
        return null;
    }

    /// <summary>How long the projection may stand still before a wait for it gives up.</summary>
    public static readonly TimeSpan ProjectionStallMax = TimeSpan.FromSeconds(20);

    /// <summary>The ledger as the read model holds it: gigs settled with ids starting <paramref name="gigPrefix"/>.</summary>
    public async Task<LedgerCheck> CheckLedgerAsync(string gigPrefix, CancellationToken cancellationToken) => new(
        await ScalarAsync(_readModel,
            $"SELECT COUNT(*) FROM rm_gigs WHERE status = 'Settled' AND gig_id LIKE '{gigPrefix}-%'", cancellationToken),
        await ScalarAsync(_readModel, "SELECT COUNT(*) FROM rm_ledger_transactions", cancellationToken),
        await ScalarAsync(_readModel, "SELECT COUNT(*) FROM rm_ledger_postings", cancellationToken),
        await ScalarAsync(_readModel, "SELECT COALESCE(SUM(amount_minor), 0) FROM rm_ledger_postings", cancellationToken));

    /// <summary>Events in the journal with ordering in (<paramref name="after"/>, <paramref name="upTo"/>], and their mean size.</summary>
    public async Task<(long Events, long MeanBytes)> JournalSliceAsync(long after, long upTo, CancellationToken cancellationToken)
    {
        var length = _mode == StorageMode.PostgreSql ? "octet_length(message)" : "length(message)";
        var where = $"WHERE ordering > {after} AND ordering <= {upTo}";
        return (await ScalarAsync(_journal, $"SELECT COUNT(*) FROM journal {where}", cancellationToken),
            await ScalarAsync(_journal, $"SELECT CAST(COALESCE(AVG({length}), 0) AS BIGINT) FROM journal {where}",
                cancellationToken));
    }

    private async Task<long> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using DbConnection connection = _mode == StorageMode.PostgreSql
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string SqliteReadOnly(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 30,
    }.ToString();
}
