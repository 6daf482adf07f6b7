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

    /// <summary>Whether <paramref name="stamp"/> is new, a retry, or a reuse of its id for another payload.</summary>
    public RequestStatus Check(RequestStamp stamp) =>
        !HashByRequestId.TryGetValue(stamp.RequestId, out var hash) ? RequestStatus.New
        : hash == stamp.PayloadHash ? RequestStatus.Retry
        : RequestStatus.IdReused;

    /// <summary>The log with <paramref name="stamp"/> recorded.</summary>
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
        return new IdempotencyLog { HashByRequestId = hashes, Order = order };
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
