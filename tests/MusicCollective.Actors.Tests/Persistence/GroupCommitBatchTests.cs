using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using MusicCollective.Actors.Persistence;

namespace MusicCollective.Actors.Tests.Persistence;

/// <summary>
/// Each entity in a shared journal transaction gets its own answer: its own slice of the plugin's per-write
/// rejections, all clear when the plugin reports none, and the transaction's failure when it failed.
/// </summary>
public sealed class GroupCommitBatchTests
{
    /// <summary>Proves the writes are handed on in the order they joined and each member's rejections are its own slice.</summary>
    [Fact]
    public async Task Each_member_gets_its_own_rejections()
    {
        var batch = new GroupCommitBatch();
        var first = batch.Join([Write("gig-a", 1), Write("gig-a", 2)]);
        var second = batch.Join([Write("gig-b", 1)]);
        var third = batch.Join([Write("gig-c", 4), Write("gig-c", 5)]);
        Assert.Equal(3, batch.Members);
        Assert.Equal(["gig-a", "gig-a", "gig-b", "gig-c", "gig-c"], batch.Writes.Select(w => w.PersistenceId));

        var rejected = new InvalidOperationException("cannot serialise");
        batch.Complete(Task.FromResult<IImmutableList<Exception>>(ImmutableList.Create<Exception>(null!, null!, rejected, null!, null!)));

        AssertAllClear(await first, 2);
        Assert.Same(rejected, Assert.Single(await second));
        AssertAllClear(await third, 2);
    }

    /// <summary>Proves an empty report ("all written") clears every member with one null per write, the only shape besides null that Akka's journal accepts.</summary>
    [Fact]
    public async Task An_empty_report_clears_everyone()
    {
        var batch = new GroupCommitBatch();
        var first = batch.Join([Write("gig-a", 1)]);
        var second = batch.Join([Write("gig-b", 1), Write("gig-b", 2)]);
        batch.Complete(Task.FromResult<IImmutableList<Exception>>(ImmutableList<Exception>.Empty));
        AssertAllClear(await first, 1);
        AssertAllClear(await second, 2);
    }

    /// <summary>Proves a failed or cancelled transaction fails every member with its cause, and a stopped journal fails those still waiting.</summary>
    [Fact]
    public async Task A_failed_transaction_fails_every_member()
    {
        var failed = new GroupCommitBatch();
        var first = failed.Join([Write("gig-a", 1)]);
        var second = failed.Join([Write("gig-b", 1)]);
        var cause = new TimeoutException("database away");
        failed.Complete(Task.FromException<IImmutableList<Exception>>(cause));
        Assert.Same(cause, await Assert.ThrowsAsync<TimeoutException>(() => first));
        Assert.Same(cause, await Assert.ThrowsAsync<TimeoutException>(() => second));

        var cancelled = new GroupCommitBatch();
        var third = cancelled.Join([Write("gig-c", 1)]);
        cancelled.Complete(Task.FromCanceled<IImmutableList<Exception>>(new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);

        var stopped = new GroupCommitBatch();
        var fourth = stopped.Join([Write("gig-d", 1)]);
        stopped.Fail(new InvalidOperationException("journal stopped"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fourth);
    }

    private static void AssertAllClear(IImmutableList<Exception> rejections, int writes)
    {
        Assert.Equal(writes, rejections.Count);
        Assert.All(rejections, Assert.Null);
    }

    private static AtomicWrite Write(string persistenceId, long sequenceNr) =>
        new(new Persistent($"event {sequenceNr}", sequenceNr, persistenceId, "", false, ActorRefs.NoSender, "writer"));
}
