using Microsoft.Data.Sqlite;
using MusicCollective.ReadModel;
using Npgsql;

namespace MusicCollective.Api.Tests.Support;

/// <summary>
/// Where a test server keeps its state: the journal and the read model. Outlives the servers that use it, so a test
/// can stop a server and start another on the same data.
/// </summary>
public abstract record ServerStorage
{
    /// <summary>The engine.</summary>
    public abstract DatabaseKind Kind { get; }

    /// <summary>The server settings (configuration keys) that point a server at this storage.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Settings { get; }

    /// <summary>Deletes what can be deleted once no server uses the storage any more.</summary>
    public virtual void Delete()
    {
    }

    /// <summary>
    /// Makes the journal's first write (the creation of its tables when a server starts) wait until the returned
    /// handle is disposed, as a slow or busy database would at boot.
    /// </summary>
    public abstract Task<IAsyncDisposable> BlockJournalCreationAsync();

    /// <summary>How many events the journal holds for <paramref name="persistenceId"/> ("gig-{id}"): to prove a call wrote none.</summary>
    public abstract Task<long> CountEventsAsync(string persistenceId);

    /// <summary>Runs a statement on an open connection.</summary>
    protected static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the journal's rows of <paramref name="persistenceId"/> on an open connection (Akka.Persistence.Sql's default table).</summary>
    protected static async Task<long> CountEventsAsync(System.Data.Common.DbConnection connection, string persistenceId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal WHERE persistence_id = @persistence_id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@persistence_id";
        parameter.Value = persistenceId;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rolls back the blocking transaction and closes its connection when disposed.</summary>
    protected sealed class Blocker(System.Data.Common.DbConnection connection) : IAsyncDisposable
    {
        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync(connection, "ROLLBACK");
            await connection.DisposeAsync();
        }
    }
}

/// <summary>SQLite files in a fresh temporary folder (journal.db and readmodel.db), deleted by <see cref="Delete"/>.</summary>
public sealed record SqliteStorage(string Directory) : ServerStorage
{
    /// <summary>A new, empty folder in the temp folder.</summary>
    public static SqliteStorage CreateTemporary() =>
        new(System.IO.Directory.CreateTempSubdirectory("mc-api-tests-").FullName);

    /// <inheritdoc />
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Storage:Database", nameof(DatabaseKind.Sqlite)),
        new("Storage:DataDirectory", Directory),
    ];

    /// <inheritdoc />
    public override async Task<IAsyncDisposable> BlockJournalCreationAsync()
    {
        // journal.db in WAL mode (as the server makes it), with the write lock held: the server's CREATE TABLE waits.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Directory, "journal.db"), Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;");
        await ExecuteAsync(connection, "BEGIN IMMEDIATE;");
        return new Blocker(connection);
    }

    /// <inheritdoc />
    public override async Task<long> CountEventsAsync(string persistenceId)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Directory, "journal.db"), Pooling = false, Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        await connection.OpenAsync();
        return await CountEventsAsync(connection, persistenceId);
    }

    /// <inheritdoc />
    public override void Delete()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold a file: it is a temp folder, the OS cleans it in the end.
        }
    }
}

/// <summary>A database of its own on the shared PostgreSQL server (the collection fixture drops the server).</summary>
public sealed record PostgresStorage(string ConnectionString) : ServerStorage
{
    /// <inheritdoc />
    public override DatabaseKind Kind => DatabaseKind.PostgreSql;

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Storage:Database", nameof(DatabaseKind.PostgreSql)),
        new("Storage:ConnectionString", ConnectionString),
    ];

    /// <inheritdoc />
    public override async Task<IAsyncDisposable> BlockJournalCreationAsync()
    {
        // An uncommitted table of the same name: the server's CREATE TABLE journal waits for this transaction.
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "BEGIN");
        await ExecuteAsync(connection, "CREATE TABLE public.journal (blocker integer)");
        return new Blocker(connection);
    }

    /// <inheritdoc />
    public override async Task<long> CountEventsAsync(string persistenceId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return await CountEventsAsync(connection, persistenceId);
    }

    /// <summary>
    /// An outage of this database alone (the shared PostgreSQL server keeps running): it refuses new connections and
    /// its open ones are cut, the server's pooled ones included. Disposing the result lets connections in again.
    /// </summary>
    public async Task<IAsyncDisposable> RefuseConnectionsAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
        var maintenance = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await maintenance.OpenAsync();
        await ExecuteAsync(maintenance, $"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS false""");
        await ExecuteAsync(maintenance,
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        return new Reopener(maintenance, database);
    }

    private sealed class Reopener(NpgsqlConnection maintenance, string database) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync(maintenance, $"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS true""");
            await maintenance.DisposeAsync();
        }
    }
}
