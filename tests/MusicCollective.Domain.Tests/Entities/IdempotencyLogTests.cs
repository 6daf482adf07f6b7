using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Gigs;

namespace MusicCollective.Domain.Tests.Entities;

/// <summary>The per-entity request log: new, retry, reused id, the request applied last, and its bound.</summary>
public sealed class IdempotencyLogTests
{
    // Proves a request id never seen is New.
    [Fact]
    public void Unseen_request_is_new() =>
        Assert.Equal(RequestStatus.New, IdempotencyLog.Empty.Check(Stamps.Of("r-1")));

    // Proves the same id with the same payload hash is a Retry.
    [Fact]
    public void Same_id_and_hash_is_a_retry() =>
        Assert.Equal(RequestStatus.Retry, IdempotencyLog.Empty.Record(Stamps.Of("r-1", "h")).Check(Stamps.Of("r-1", "h")));

    // Proves the same id with another payload hash is IdReused.
    [Fact]
    public void Same_id_with_other_hash_is_reused() =>
        Assert.Equal(RequestStatus.IdReused, IdempotencyLog.Empty.Record(Stamps.Of("r-1", "h")).Check(Stamps.Of("r-1", "other")));

    // Proves recording an id already there keeps its first hash (the log is never rewritten).
    [Fact]
    public void Recording_a_known_id_keeps_the_first_hash()
    {
        var log = IdempotencyLog.Empty.Record(Stamps.Of("r-1", "first"));
        Assert.Same(log, log.Record(Stamps.Of("r-1", "second")));
        Assert.Equal(RequestStatus.Retry, log.Check(Stamps.Of("r-1", "first")));
    }

    // Proves Record returns a new log and leaves the old one as it was.
    [Fact]
    public void Record_does_not_change_the_original()
    {
        var before = IdempotencyLog.Empty.Record(Stamps.Of("r-1"));
        _ = before.Record(Stamps.Of("r-2"));
        Assert.Equal(RequestStatus.New, before.Check(Stamps.Of("r-2")));
        Assert.Single(before.HashByRequestId);
    }

    // Proves the log knows the request recorded last (the retry answered from the current state) and nothing when empty.
    [Fact]
    public void Knows_the_request_recorded_last()
    {
        var log = IdempotencyLog.Empty.Record(Stamps.Of("r-1")).Record(Stamps.Of("r-2"));

        Assert.Null(IdempotencyLog.Empty.LastRequestId);
        Assert.False(IdempotencyLog.Empty.IsLast("r-1"));
        Assert.Equal("r-2", log.LastRequestId);
        Assert.True(log.IsLast("r-2"));
        Assert.False(log.IsLast("r-1"));
    }

    // Proves the request recorded last is still known after evictions, and a log without it (an old snapshot) knows none.
    [Fact]
    public void Request_recorded_last_survives_evictions_and_may_be_unknown()
    {
        var log = IdempotencyLog.Empty;
        for (var i = 0; i <= IdempotencyLog.EntriesMax; i++) log = log.Record(Stamps.Of($"r-{i}"));

        Assert.True(log.IsLast($"r-{IdempotencyLog.EntriesMax}"));
        Assert.False((log with { LastRequestId = null }).IsLast($"r-{IdempotencyLog.EntriesMax}"));
    }

    // Proves the log keeps at most EntriesMax ids and forgets the oldest first.
    [Fact]
    public void Forgets_the_oldest_beyond_entries_max()
    {
        var log = IdempotencyLog.Empty;
        for (var i = 0; i <= IdempotencyLog.EntriesMax; i++) log = log.Record(Stamps.Of($"r-{i}"));

        Assert.Equal(IdempotencyLog.EntriesMax, log.HashByRequestId.Count);
        Assert.Equal(IdempotencyLog.EntriesMax, log.Order.Count());
        Assert.Equal(RequestStatus.New, log.Check(Stamps.Of("r-0")));
        Assert.Equal(RequestStatus.Retry, log.Check(Stamps.Of("r-1")));
        Assert.Equal(RequestStatus.Retry, log.Check(Stamps.Of($"r-{IdempotencyLog.EntriesMax}")));
        Assert.Equal("r-1", log.Order.Peek());
    }

    // Proves the dictionary and the order queue always hold the same ids, through many evictions.
    [Fact]
    public void Dictionary_and_order_agree_after_evictions()
    {
        var log = IdempotencyLog.Empty;
        for (var i = 0; i < 3 * IdempotencyLog.EntriesMax + 7; i++) log = log.Record(Stamps.Of($"r-{i % (2 * IdempotencyLog.EntriesMax)}"));

        Assert.Equal(log.HashByRequestId.Keys.Order(StringComparer.Ordinal), log.Order.Order(StringComparer.Ordinal));
        Assert.Equal(log.Order.Count(), log.Order.Distinct().Count());
    }

    // Proves the gate lets a new request through (null), answers a retry, and refuses a reused id on field request_id.
    [Fact]
    public void Request_gate_decides_retries_and_reuses()
    {
        var log = IdempotencyLog.Empty.Record(Stamps.Of("r-1", "h"));

        Assert.Null(RequestGate.Check<GigEvent>(log, Stamps.Of("r-2", "h")));
        EntityAssert.Retry(RequestGate.Check<GigEvent>(log, Stamps.Of("r-1", "h"))!);
        var error = EntityAssert.Rejected(RequestGate.Check<GigEvent>(log, Stamps.Of("r-1", "other"))!,
            RejectionKind.RequestIdReused, DomainErrorCode.Duplicate, "request_id");
        Assert.Contains("r-1", error.Message, StringComparison.Ordinal);
    }
}
