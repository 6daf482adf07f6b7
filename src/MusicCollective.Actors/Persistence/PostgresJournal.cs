using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Sql.Config;
using Akka.Persistence.Sql.Journal;
using Npgsql;

namespace MusicCollective.Actors.Persistence;

/// <summary>
/// Akka.Persistence.Sql's journal with two changes on PostgreSQL, each the largest item left in the load benchmark's
/// CPU per settlement when it was made:
/// <list type="number">
/// <item>An entity's highest sequence number, which every entity reads when it starts (every new gig does), comes
/// from one prepared statement on a pooled connection instead of a linq2db query inside a transaction. As in the
/// plugin, the read first waits for the entity's write in flight, if any, so an entity that restarts right after a
/// write still continues after its last event.</item>
/// <item>Group commit: writes of different entities that arrive within <c>group-commit-window</c> of each other go to
/// the plugin together, so they share one transaction (at most <c>group-commit-max-writes</c> entity writes). The
/// plugin already puts writes that queue behind a running one in one transaction; the window makes more of them
/// meet. A write after a quiet spell (<c>group-commit-idle-after</c>) goes at once, so a lone caller waits for
/// nobody. Sharing changes nothing an entity sees: it is answered only once the transaction is committed, a failed
/// transaction stores none of its writes and fails each of them, and a write the plugin rejects is reported to its
/// own entity only.</item>
/// </list>
/// Writes, replays, deletes and the read journal otherwise stay the plugin's own. Any other engine (the embedded
/// SQLite), the legacy metadata-table mode, or connections given in code use the plugin unchanged.
/// </summary>
public sealed class PostgresJournal : SqlWriteJournal
{
    // Null when the plugin's own path is used. Connections come from Npgsql's pool for this connection string, the
    // same pool the plugin's own connections use, so the journal opens no more connections than before.
    private readonly string? _connectionString;
    private readonly string _highestSequenceNrSql = "";
    private readonly TimeSpan _groupCommitWindow;
    private readonly int _groupCommitMaxWrites;
    private readonly TimeSpan _groupCommitIdleAfter;
    private readonly ConcurrentDictionary<string, Task> _writesInFlight = new();
    private GroupCommitBatch? _gathering;
    private long _gatheringRound;
    private DateTime _lastArrivalUtc = DateTime.MinValue;

    /// <summary>Created by Akka.Persistence from the journal's configuration block.</summary>
    public PostgresJournal(Config config) : base(config)
    {
        var query = JournalSequenceQuery.For(config);
        // Connections given to the plugin in code (a DataOptionsSetup) are not in the configuration: plugin's own path.
        var setup = Context.System.Settings.Setup;
        if (query is null || setup.Get<DataOptionsSetup>().HasValue || setup.Get<MultiDataOptionsSetup>().HasValue) return;
        _connectionString = config.GetString("connection-string");
        _highestSequenceNrSql = query;
        _groupCommitWindow = config.GetTimeSpan("group-commit-window", TimeSpan.Zero);
        _groupCommitMaxWrites = Math.Max(1, config.GetInt("group-commit-max-writes", 32));
        _groupCommitIdleAfter = config.GetTimeSpan("group-commit-idle-after", TimeSpan.FromMilliseconds(50));
    }

    private bool GroupsCommits => _connectionString is not null && _groupCommitWindow > TimeSpan.Zero;

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
        if (_connectionString is null || writes.Count == 0) return base.WriteMessagesAsync(writes, cancellationToken);
        var written = GroupsCommits ? Gather(writes) : base.WriteMessagesAsync(writes, cancellationToken);
        // One call carries one entity's writes (the plugin relies on the same). Remembering the latest is enough: an
        // entity waits for each write before its next, and the single writer (parallelism = 1) completes in order.
        var persistenceId = writes[0].PersistenceId;
        _writesInFlight[persistenceId] = written;
        written.ContinueWith(_ => _writesInFlight.TryRemove(KeyValuePair.Create(persistenceId, (Task)written)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return written;
    }

    /// <inheritdoc />
    protected override bool ReceivePluginInternal(object message)
    {
        if (message is not FlushGathered flush) return base.ReceivePluginInternal(message);
        if (flush.Round == _gatheringRound) Flush(); // else that batch went already, when it was full
        return true;
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        // Writes still waiting for their window were never sent and nothing of them is stored. Their tasks are failed
        // so nothing waits on them (the reply may not reach an entity any more; it recovers from what is stored).
        _gathering?.Fail(new InvalidOperationException("the journal stopped before this write was sent"));
        _gathering = null;
        base.PostStop();
    }

    private Task<IImmutableList<Exception>> Gather(IReadOnlyList<AtomicWrite> writes)
    {
        // After a quiet spell (no write for group-commit-idle-after) nobody is coming to share: write at once. Under
        // load writes arrive far more often than that, so they gather; the spell is measured between arrivals, not
        // from the last flush, because answered entities' next writes arrive in a burst a few milliseconds later.
        var now = DateTime.UtcNow;
        var quiet = _gathering is null && now - _lastArrivalUtc > _groupCommitIdleAfter;
        _lastArrivalUtc = now;
        var batch = _gathering ??= new GroupCommitBatch();
        var answer = batch.Join(writes);
        if (quiet || batch.Members >= _groupCommitMaxWrites) Flush();
        else if (batch.Members == 1) FlushAfterWindow(_gatheringRound);
        return answer;
    }

    // A .NET timer, not the actor scheduler: Akka's scheduler ticks every 10 ms, which would stretch a window of a
    // few milliseconds to ten.
    private void FlushAfterWindow(long round)
    {
        var self = Self;
        Task.Delay(_groupCommitWindow).ContinueWith(_ => self.Tell(new FlushGathered(round)), TaskScheduler.Default);
    }

    private void Flush()
    {
        var batch = _gathering;
        _gathering = null;
        _gatheringRound++;
        if (batch is null) return;
        Task<IImmutableList<Exception>> written;
        try
        {
            written = base.WriteMessagesAsync(batch.Writes, CancellationToken.None);
        }
        catch (Exception exception)
        {
            batch.Fail(exception); // nothing was handed over, so nothing is stored
            return;
        }
        written.ContinueWith(batch.Complete, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private sealed record FlushGathered(long Round);
}
