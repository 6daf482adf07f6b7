using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Sql.Config;
using Microsoft.Extensions.DependencyInjection;
using MusicCollective.Actors.Persistence;
using static MusicCollective.Api.Tests.Persistence.JournalProtocol;

namespace MusicCollective.Api.Tests.Persistence;

/// <summary>
/// The journal's own highest-sequence-number read on PostgreSQL, against a real database, through the journal
/// protocol every persistent actor uses: it answers exactly what Akka.Persistence.Sql's query answers (also after
/// deletions and from any starting point), waits for a write still in flight (also one waiting for its group
/// commit), and is the journal the server runs.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalTests(PostgresFixture postgres)
{
    /// <summary>Proves both journals report the same highest sequence number for every entity and starting point: written, partly deleted, never written.</summary>
    [Fact]
    public async Task Answers_the_highest_sequence_number_as_the_plugin_does()
    {
        var database = await postgres.CreateDatabaseAsync("sequence_journal_same");
        using var plugin = JournalSystem("plugin", PluginJournal, database);
        using var ours = JournalSystem("ours", OurJournal, database);
        await WriteAsync(plugin, "gig-three", 3);
        await WriteAsync(plugin, "band-seven", 7);
        await DeleteToAsync(plugin, "band-seven", 5);
        await WriteAsync(ours, "member-two", 2);

        var expected = new Dictionary<string, long> { ["gig-three"] = 3, ["band-seven"] = 7, ["member-two"] = 2, ["gig-none"] = 0 };
        foreach (var (persistenceId, highest) in expected)
        {
            foreach (var from in (long[])[1, 2, 3, 4, 6, 8])
            {
                var pluginAnswer = await ReplayAsync(plugin, persistenceId, from);
                var ourAnswer = await ReplayAsync(ours, persistenceId, from);
                Assert.Equal(pluginAnswer, ourAnswer);
                if (from == 1) Assert.Equal(highest, ourAnswer.Highest);
            }
        }
        // Deleted events are not replayed, yet still count for the highest number (the next write continues after 7).
        Assert.Equal(2, (await ReplayAsync(ours, "band-seven", 1)).Replayed);
    }

    /// <summary>Proves a replay sent right behind a write of the same entity reports that write's events, on every one of many entities: the read waits for the write.</summary>
    [Fact]
    public async Task A_read_right_behind_a_write_waits_for_it()
    {
        var database = await postgres.CreateDatabaseAsync("sequence_journal_wait");
        using var ours = JournalSystem("ours", OurJournal, database, "group-commit-window = 20ms");
        await WriteAsync(ours, "warm-up", 1); // the tables exist and the connection pools are open

        var writes = new List<(Inbox Writer, Task<(long Highest, int Replayed)> Replay)>();
        for (var entity = 0; entity < 30; entity++)
        {
            var persistenceId = $"gig-{entity}";
            var writer = Inbox.Create(ours);
            Journal(ours).Tell(Write(persistenceId, 20, writer.Receiver), writer.Receiver);
            writes.Add((writer, ReplayAsync(ours, persistenceId, 1)));
        }
        foreach (var (writer, replay) in writes)
        {
            Assert.Equal((20L, 20), await replay);
            Assert.IsType<WriteMessagesSuccessful>(await writer.ReceiveAsync(ReplyTimeout));
            writer.Dispose();
        }
    }

    /// <summary>Proves the server's actor system on PostgreSQL runs this journal with its PostgreSQL paths on (the journal's own test of its configuration passes, the window is set, no connection is given in code), and that an entity recovered through it continues after its last event.</summary>
    [Fact]
    public async Task The_server_runs_it_on_PostgreSQL()
    {
        var storage = await Engines.NewPostgresAsync(postgres);
        await using var server = await TestServer.StartAsync(storage);
        var system = server.Services.GetRequiredService<ActorSystem>();
        var journal = (ActorRefWithCell)Journal(system);
        Assert.Equal(typeof(PostgresJournal), journal.Underlying.Props.Type);
        var journalConfig = system.Settings.Config.GetConfig("akka.persistence.journal.sql");
        Assert.NotNull(JournalSequenceQuery.For(journalConfig));
        Assert.Equal(TimeSpan.FromMilliseconds(10), journalConfig.GetTimeSpan("group-commit-window"));
        Assert.False(system.Settings.Setup.Get<DataOptionsSetup>().HasValue);

        var ids = await WriteSpacedAsync(system, "gig-server", TimeSpan.FromMilliseconds(1), 4);
        Assert.Equal(40L, (await RowsAndTransactionsAsync(((PostgresStorage)storage).ConnectionString, ids)).Rows);
        Assert.Equal((4L, 4), await ReplayAsync(system, "gig-server-0", 1));
    }
}
