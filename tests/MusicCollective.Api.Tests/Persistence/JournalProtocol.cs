using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Sql;
using MusicCollective.Actors.Hosting;
using MusicCollective.Actors.Persistence;
using Npgsql;

namespace MusicCollective.Api.Tests.Persistence;

/// <summary>
/// Talks to a journal the way a persistent actor does (WriteMessages, ReplayMessages, DeleteMessagesTo), from actor
/// systems that run nothing but the journal on a given PostgreSQL database.
/// </summary>
public static class JournalProtocol
{
    /// <summary>Akka.Persistence.Sql's own journal.</summary>
    public const string PluginJournal = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql";

    /// <summary>Ours.</summary>
    public static readonly string OurJournal = typeof(PostgresJournal).AssemblyQualifiedName!;

    /// <summary>Longest wait for one reply of the journal.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// An actor system whose journal is <paramref name="journalClass"/> on <paramref name="connectionString"/>;
    /// <paramref name="extraJournalHocon"/> goes into the journal's block, <paramref name="extraHocon"/> at the top.
    /// Everything else of the journal is configured as in the server.
    /// </summary>
    public static ActorSystem JournalSystem(string name, string journalClass, string connectionString,
        string extraJournalHocon = "", string extraHocon = "") =>
        ActorSystem.Create(name, ConfigurationFactory.ParseString($$"""
            {{AkkaServiceCollectionExtensions.JournalHocon}}
            {{extraHocon}}
            akka.loglevel = WARNING
            akka.persistence.journal.plugin = "akka.persistence.journal.sql"
            akka.persistence.journal.sql {
              class = "{{journalClass}}"
              connection-string = "{{connectionString}}"
              provider-name = "PostgreSQL.15"
              auto-initialize = true
              {{extraJournalHocon}}
            }
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
            """).WithFallback(SqlPersistence.DefaultConfiguration));

    /// <summary>The system's journal actor.</summary>
    public static IActorRef Journal(ActorSystem system) => Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(null);

    /// <summary>One atomic write of <paramref name="payloads"/> as consecutive events of <paramref name="persistenceId"/>.</summary>
    public static WriteMessages Write(string persistenceId, long fromSequenceNr, IActorRef writer, params object[] payloads)
    {
        var events = payloads
            .Select((payload, i) => (IPersistentRepresentation)new Persistent(payload, fromSequenceNr + i, persistenceId, "",
                false, ActorRefs.NoSender, "test-writer"))
            .ToImmutableList();
        return new WriteMessages([new AtomicWrite(events)], writer, 1);
    }

    /// <summary><paramref name="count"/> string events of <paramref name="persistenceId"/> from sequence number 1.</summary>
    public static WriteMessages Write(string persistenceId, int count, IActorRef writer) =>
        Write(persistenceId, 1, writer, Enumerable.Range(1, count).Select(i => (object)$"event {i}").ToArray());

    /// <summary>Writes <paramref name="count"/> events and waits until the journal confirms them.</summary>
    public static async Task WriteAsync(ActorSystem system, string persistenceId, int count)
    {
        using var writer = Inbox.Create(system);
        Journal(system).Tell(Write(persistenceId, count, writer.Receiver), writer.Receiver);
        Assert.IsType<WriteMessagesSuccessful>(await writer.ReceiveAsync(ReplyTimeout));
    }

    /// <summary>Deletes events up to <paramref name="toSequenceNr"/> and waits for the confirmation.</summary>
    public static async Task DeleteToAsync(ActorSystem system, string persistenceId, long toSequenceNr)
    {
        using var deleter = Inbox.Create(system);
        Journal(system).Tell(new DeleteMessagesTo(persistenceId, toSequenceNr, deleter.Receiver), deleter.Receiver);
        Assert.IsType<DeleteMessagesSuccess>(await deleter.ReceiveAsync(ReplyTimeout));
    }

    /// <summary>What a persistent actor starting at <paramref name="fromSequenceNr"/> learns: the highest sequence number and how many events it replays.</summary>
    public static async Task<(long Highest, int Replayed)> ReplayAsync(ActorSystem system, string persistenceId, long fromSequenceNr)
    {
        using var recovering = Inbox.Create(system);
        Journal(system).Tell(new ReplayMessages(fromSequenceNr, long.MaxValue, long.MaxValue, persistenceId, recovering.Receiver),
            recovering.Receiver);
        var replayed = 0;
        while (true)
        {
            switch (await recovering.ReceiveAsync(ReplyTimeout))
            {
                case ReplayedMessage: replayed++; break;
                case RecoverySuccess success: return (success.HighestSequenceNr, replayed);
                case var other: throw new InvalidOperationException($"unexpected reply {other}");
            }
        }
    }

    /// <summary>Sends a write on behalf of a fresh inbox, which receives the journal's answers.</summary>
    public static Inbox Send(ActorSystem system, WriteMessages write)
    {
        var writer = Inbox.Create(system);
        Journal(system).Tell(new WriteMessages(write.Messages, writer.Receiver, write.ActorInstanceId), writer.Receiver);
        return writer;
    }

    /// <summary>
    /// Ten entities <paramref name="prefix"/>-0 … -9 write <paramref name="events"/> events each, one entity every
    /// <paramref name="spacing"/>; waits until each is confirmed with its own events, and returns their ids.
    /// </summary>
    public static async Task<string[]> WriteSpacedAsync(ActorSystem system, string prefix, TimeSpan spacing, int events)
    {
        var ids = Enumerable.Range(0, 10).Select(i => $"{prefix}-{i}").ToArray();
        var writers = new List<Inbox>();
        foreach (var id in ids)
        {
            writers.Add(Send(system, Write(id, events, ActorRefs.Nobody)));
            await Task.Delay(spacing);
        }
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.IsType<WriteMessagesSuccessful>(await writers[i].ReceiveAsync(ReplyTimeout));
            for (var n = 1; n <= events; n++)
            {
                var success = Assert.IsType<WriteMessageSuccess>(await writers[i].ReceiveAsync(ReplyTimeout));
                Assert.Equal((ids[i], (long)n), (success.Persistent.PersistenceId, success.Persistent.SequenceNr));
            }
            writers[i].Dispose();
        }
        return ids;
    }

    /// <summary>How many journal rows the entities have, and in how many transactions they were written (PostgreSQL's xmin).</summary>
    public static async Task<(long Rows, long Transactions)> RowsAndTransactionsAsync(string database, string[] persistenceIds)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*), COUNT(DISTINCT xmin::text) FROM journal WHERE persistence_id = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = persistenceIds });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
