using System.Collections.Immutable;

namespace MusicCollective.Domain.Entities;

/// <summary>
/// The request ids an entity has applied, kept in its persisted state so de-duplication is atomic with the event
/// write (the entity is the single writer). Bounded: the oldest ids beyond <see cref="EntriesMax"/> are forgotten,
/// which is far more than one gig, band or member ever receives in the retry window of a client.
/// </summary>
public sealed record IdempotencyLog
{
    /// <summary>Most request ids remembered per entity.</summary>
    public const int EntriesMax = 1_000;

    /// <summary>An empty log.</summary>
    public static IdempotencyLog Empty { get; } = new();

    /// <summary>Payload hash by request id.</summary>
    public ImmutableDictionary<string, string> HashByRequestId { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Request ids, oldest first, to forget the oldest when full.</summary>
    public ImmutableQueue<string> Order { get; init; } = ImmutableQueue<string>.Empty;

    /// <summary>
    /// The request applied last, so a retry of it is answered from the current state without reading the journal.
    /// Null when nothing was applied yet, and in snapshots written before this property existed (a retry then reads
    /// the journal, which is slower but gives the same answer).
    /// </summary>
    public string? LastRequestId { get; init; }

    /// <summary>Whether <paramref name="stamp"/> is new, a retry, or a reuse of its id for another payload.</summary>
    public RequestStatus Check(RequestStamp stamp) =>
        !HashByRequestId.TryGetValue(stamp.RequestId, out var hash) ? RequestStatus.New
        : hash == stamp.PayloadHash ? RequestStatus.Retry
        : RequestStatus.IdReused;

    /// <summary>
    /// True when <paramref name="requestId"/> is the request applied last: the current state is then the state right
    /// after it, which is its first answer.
    /// </summary>
    public bool IsLast(string requestId) => LastRequestId == requestId;

    /// <summary>The log with <paramref name="stamp"/> recorded as the request applied last.</summary>
    public IdempotencyLog Record(RequestStamp stamp)
    {
        if (HashByRequestId.ContainsKey(stamp.RequestId)) return this;
        var hashes = HashByRequestId.Add(stamp.RequestId, stamp.PayloadHash);
        var order = Order.Enqueue(stamp.RequestId);
        if (hashes.Count > EntriesMax)
        {
            order = order.Dequeue(out var oldest);
            hashes = hashes.Remove(oldest);
        }
        return new IdempotencyLog { HashByRequestId = hashes, Order = order, LastRequestId = stamp.RequestId };
    }
}

/// <summary>What an entity's idempotency log says about a request.</summary>
public enum RequestStatus
{
    /// <summary>Never seen: process it.</summary>
    New,
    /// <summary>Seen with the same payload: answer as before, change nothing.</summary>
    Retry,
    /// <summary>Seen with a different payload: refuse.</summary>
    IdReused,
}
