using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Sql.Config;
using Akka.Persistence.Sql.Journal;
using Npgsql;

namespace MusicCollective.Actors.Persistence;

/// <summary>
/// Akka.Persistence.Sql's journal, with one change on PostgreSQL: an entity's highest sequence number, which every
/// entity reads when it starts (every new gig does), comes from one prepared statement on a pooled connection instead
/// of a linq2db query inside a transaction (BEGIN, SELECT, COMMIT). That query was the largest single item of the
/// server's CPU per settlement (measured in the load benchmark). Writes, replays, deletes and the read journal are the
/// plugin's own. As in the plugin, the read first waits for the entity's write in flight, if any, so an entity that
/// restarts right after a write still continues after its last event. Any other engine (the embedded SQLite, say),
/// the legacy metadata-table mode, or a configuration without a connection string uses the plugin unchanged.
/// </summary>
public sealed class PostgresSequenceJournal : SqlWriteJournal
{
    // Null when the plugin's own query is used. Connections come from Npgsql's pool for this connection string, the
    // same pool the plugin's own connections use, so the journal opens no more connections than before.
    private readonly string? _connectionString;
    private readonly string _highestSequenceNrSql = "";
    private readonly ConcurrentDictionary<string, Task> _writesInFlight = new();

    /// <summary>Created by Akka.Persistence from the journal's configuration block.</summary>
    public PostgresSequenceJournal(Config config) : base(config)
    {
        var query = JournalSequenceQuery.For(config);
        // Connections given to the plugin in code (a DataOptionsSetup) are not in the configuration: plugin's own path.
        var setup = Context.System.Settings.Setup;
        if (query is null || setup.Get<DataOptionsSetup>().HasValue || setup.Get<MultiDataOptionsSetup>().HasValue) return;
        _connectionString = config.GetString("connection-string");
        _highestSequenceNrSql = query;
    }

    /// <inheritdoc />
    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr,
        CancellationToken cancellationToken)
    {
        if (_connectionString is null) return await base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
        if (_writesInFlight.TryGetValue(persistenceId, out var write))
        {
            // Whether it succeeded does not matter here, only that it is over: its rows are then visible or absent.
            await write.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(_highestSequenceNrSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromSequenceNr });
        return await command.ExecuteScalarAsync(cancellationToken) is long highest ? highest : 0L;
    }

    /// <inheritdoc />
    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages,
        CancellationToken cancellationToken)
    {
        var writes = messages as IReadOnlyList<AtomicWrite> ?? messages.ToList();
        var written = base.WriteMessagesAsync(writes, cancellationToken);
        if (_connectionString is null || writes.Count == 0) return written;
        // One call carries one entity's writes (the plugin relies on the same). Remembering the latest is enough: an
        // entity waits for each write before its next, and the single writer (parallelism = 1) completes in order.
        var persistenceId = writes[0].PersistenceId;
        _writesInFlight[persistenceId] = written;
        written.ContinueWith(_ => _writesInFlight.TryRemove(KeyValuePair.Create(persistenceId, (Task)written)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return written;
    }
}
