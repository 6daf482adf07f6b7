using System.Collections.Immutable;
using Akka.Persistence;

namespace MusicCollective.Actors.Persistence;

/// <summary>
/// The writes of several entities that go to the journal table in one transaction (group commit). Each entity joins
/// with its own writes and gets its own answer: the per-write rejections that belong to it, or the failure of the
/// whole transaction, which then stored none of them.
/// </summary>
public sealed class GroupCommitBatch
{
    private readonly List<(int Count, TaskCompletionSource<IImmutableList<Exception>> Answer)> _members = [];
    private readonly List<AtomicWrite> _writes = [];

    /// <summary>How many entity writes have joined.</summary>
    public int Members => _members.Count;

    /// <summary>Every write that joined, in the order they joined.</summary>
    public IReadOnlyList<AtomicWrite> Writes => _writes;

    /// <summary>Adds one entity's writes; the task completes when the batch has been written (or has failed).</summary>
    public Task<IImmutableList<Exception>> Join(IReadOnlyList<AtomicWrite> writes)
    {
        var answer = new TaskCompletionSource<IImmutableList<Exception>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _members.Add((writes.Count, answer));
        _writes.AddRange(writes);
        return answer.Task;
    }

    /// <summary>
    /// Answers every member from the batch's write: the plugin reports one rejection (or null) per write, in order,
    /// so each member gets its own slice; a missing or empty report means all succeeded, and each member then gets one
    /// null per write (Akka's journal accepts only null or exactly one entry per write). A failed write fails every
    /// member.
    /// </summary>
    public void Complete(Task<IImmutableList<Exception>> written)
    {
        if (!written.IsCompletedSuccessfully)
        {
            Fail(written.Exception?.InnerException ?? new TaskCanceledException("the journal write was cancelled"));
            return;
        }
        var rejections = written.Result;
        var start = 0;
        foreach (var (count, answer) in _members)
        {
            answer.TrySetResult(rejections is null || rejections.Count == 0
                ? ImmutableList.CreateRange(Enumerable.Repeat<Exception>(null!, count))
                : rejections.Skip(start).Take(count).ToImmutableList());
            start += count;
        }
    }

    /// <summary>Fails every member with <paramref name="cause"/>; nothing of the batch was stored.</summary>
    public void Fail(Exception cause)
    {
        foreach (var (_, answer) in _members) answer.TrySetException(cause);
    }
}
