using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Persistence;
using static MusicCollective.Api.Tests.Persistence.JournalProtocol;

namespace MusicCollective.Api.Tests.Persistence;

/// <summary>
/// Group commit in the journal on a real PostgreSQL, through the journal protocol: entities writing within the window
/// share one transaction (the rows carry one transaction id) where the plugin alone commits them one by one, and
/// sharing changes nothing an entity sees: each is answered for its own events, a rejected write is reported to its
/// own entity only, and a failed transaction stores none of its writes and fails each of them; a write after a
/// quiet spell does not wait for company.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests(PostgresFixture postgres)
{
    // Nothing counts as a quiet spell except before the very first write, so every later write waits for company.
    private const string Window = "group-commit-window = 300ms\ngroup-commit-max-writes = 100\ngroup-commit-idle-after = 1h";
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(5);

    /// <summary>Proves ten entities writing 5 ms apart share one transaction and each gets its own answers, while the plugin alone commits them separately.</summary>
    [Fact]
    public async Task Entities_writing_within_the_window_share_one_transaction()
    {
        var database = await postgres.CreateDatabaseAsync("group_commit_shared");
        using var ours = JournalSystem("ours", OurJournal, database, Window);
        using var plugin = JournalSystem("plugin", PluginJournal, database);
        await WriteAsync(ours, "opener", 1); // tables created; the first write ever goes at once, later ones gather

        var shared = await WriteSpacedAsync(ours, "shared", Spacing, 2);
        var alone = await WriteSpacedAsync(plugin, "alone", Spacing, 2);

        Assert.Equal((20L, 1L), await RowsAndTransactionsAsync(database, shared));
        var (rows, transactions) = await RowsAndTransactionsAsync(database, alone);
        Assert.Equal(20L, rows);
        Assert.True(transactions > 1, $"the plugin alone committed {transactions} transaction(s)");
    }

    /// <summary>Proves a write the plugin rejects (its event cannot be serialised) is reported to its entity only; the entities beside it are stored.</summary>
    [Fact]
    public async Task A_rejected_write_is_reported_to_its_own_entity_only()
    {
        var database = await postgres.CreateDatabaseAsync("group_commit_rejected");
        using var ours = JournalSystem("ours", OurJournal, database, Window, RefusingSerializer.Hocon);
        await WriteAsync(ours, "warm-up", 1); // tables created; the first write ever goes at once, later ones gather

        using var before = Send(ours, Write("before", 1, ActorRefs.Nobody, "fine"));
        using var refused = Send(ours, Write("refused", 1, ActorRefs.Nobody, new Unserialisable()));
        using var after = Send(ours, Write("after", 1, ActorRefs.Nobody, "fine"));

        Assert.IsType<WriteMessageSuccess>(await OutcomeAsync(before));
        Assert.IsType<WriteMessageRejected>(await OutcomeAsync(refused));
        Assert.IsType<WriteMessageSuccess>(await OutcomeAsync(after));
        Assert.Equal((2L, 1L), await RowsAndTransactionsAsync(database, ["before", "after"]));
        Assert.Equal((0L, 0L), await RowsAndTransactionsAsync(database, ["refused"]));
    }

    /// <summary>Proves a shared transaction that fails (one write collides with a stored event) stores none of its writes and fails each entity; their retries then succeed.</summary>
    [Fact]
    public async Task A_failed_transaction_stores_none_of_its_writes_and_fails_each()
    {
        var database = await postgres.CreateDatabaseAsync("group_commit_failed");
        using var ours = JournalSystem("ours", OurJournal, database, Window);
        await WriteAsync(ours, "taken", 1); // the first write ever goes at once, later ones gather

        using var first = Send(ours, Write("first", 1, ActorRefs.Nobody, "fine"));
        using var collision = Send(ours, Write("taken", 1, ActorRefs.Nobody, "again"));
        using var second = Send(ours, Write("second", 1, ActorRefs.Nobody, "fine"));

        foreach (var writer in (Inbox[])[first, collision, second])
        {
            Assert.IsType<WriteMessagesFailed>(await writer.ReceiveAsync(ReplyTimeout));
            Assert.IsType<WriteMessageFailure>(await writer.ReceiveAsync(ReplyTimeout));
        }
        Assert.Equal((0L, 0L), await RowsAndTransactionsAsync(database, ["first", "second"]));
        Assert.Equal((1L, 1L), await RowsAndTransactionsAsync(database, ["taken"]));

        using var retryFirst = Send(ours, Write("first", 1, ActorRefs.Nobody, "fine"));
        using var retrySecond = Send(ours, Write("second", 1, ActorRefs.Nobody, "fine"));
        Assert.IsType<WriteMessageSuccess>(await OutcomeAsync(retryFirst));
        Assert.IsType<WriteMessageSuccess>(await OutcomeAsync(retrySecond));
        Assert.Equal(2L, (await RowsAndTransactionsAsync(database, ["first", "second"])).Rows);
    }

    /// <summary>Proves that with the server's journal settings a failed shared transaction of many writes leaves the journal writing: each failed write counts against Akka's circuit breaker, whose default (10) would refuse every write for 30 s.</summary>
    [Fact]
    public async Task A_failed_shared_transaction_leaves_the_journal_writing()
    {
        var database = await postgres.CreateDatabaseAsync("group_commit_breaker");
        using var ours = JournalSystem("ours", OurJournal, database);
        await WriteAsync(ours, "taken", 1);

        var writers = Enumerable.Range(0, 24).Select(i => Send(ours, Write($"crowd-{i}", 1, ActorRefs.Nobody, "fine"))).ToList();
        writers.Add(Send(ours, Write("taken", 1, ActorRefs.Nobody, "again")));
        var failed = 0;
        foreach (var writer in writers)
        {
            if (await writer.ReceiveAsync(ReplyTimeout) is WriteMessagesFailed) failed++;
            writer.Dispose();
        }
        Assert.True(failed >= 10, $"only {failed} writes shared the failed transaction: the breaker was not put to the test");

        await WriteAsync(ours, "afterwards", 1);
        Assert.Equal((1L, 1L), await RowsAndTransactionsAsync(database, ["afterwards"]));
    }

    /// <summary>Proves a write after a quiet spell goes at once instead of waiting out the window: a lone caller waits for nobody.</summary>
    [Fact]
    public async Task A_write_after_a_quiet_spell_goes_at_once()
    {
        var database = await postgres.CreateDatabaseAsync("group_commit_idle");
        using var ours = JournalSystem("ours", OurJournal, database,
            "group-commit-window = 10s\ngroup-commit-idle-after = 100ms");
        await WriteAsync(ours, "warm-up", 1); // tables created
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        var written = WriteAsync(ours, "lone", 1);
        var first = await Task.WhenAny(written, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.Same(written, first); // had it waited for the window, it would still be waiting
        await written;
        Assert.Equal((1L, 1L), await RowsAndTransactionsAsync(database, ["lone"]));
    }

    // The answer for the one event of a write, after the batch-level reply.
    private static async Task<object> OutcomeAsync(Inbox writer)
    {
        Assert.IsType<WriteMessagesSuccessful>(await writer.ReceiveAsync(ReplyTimeout));
        return await writer.ReceiveAsync(ReplyTimeout);
    }
}

/// <summary>An event no serializer accepts (bound to <see cref="RefusingSerializer"/>).</summary>
public sealed record Unserialisable;

/// <summary>A serializer that refuses every object, so the journal rejects the write that carries one.</summary>
public sealed class RefusingSerializer(ExtendedActorSystem system) : Akka.Serialization.Serializer(system)
{
    /// <summary>Binds <see cref="Unserialisable"/> to this serializer.</summary>
    public static readonly string Hocon = $$"""
        akka.actor.serializers.refusing = "{{typeof(RefusingSerializer).AssemblyQualifiedName}}"
        akka.actor.serialization-bindings { "{{typeof(Unserialisable).AssemblyQualifiedName}}" = refusing }
        """;

    /// <inheritdoc />
    public override int Identifier => 4343;

    /// <inheritdoc />
    public override bool IncludeManifest => false;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => throw new SerializationException($"{obj.GetType().Name} is refused");

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, Type type) => throw new SerializationException("nothing is read back");
}
