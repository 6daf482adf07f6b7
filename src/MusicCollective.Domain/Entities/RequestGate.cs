namespace MusicCollective.Domain.Entities;

/// <summary>The idempotency check every mutating command passes first, written once for all entities.</summary>
public static class RequestGate
{
    /// <summary>
    /// A retry or a reused id decides the command by itself; a new request returns null so the entity processes it.
    /// </summary>
    public static Decision<TEvent>? Check<TEvent>(IdempotencyLog log, RequestStamp stamp) => log.Check(stamp) switch
    {
        RequestStatus.Retry => Decision<TEvent>.Retry(),
        RequestStatus.IdReused => Decision<TEvent>.Reject(Rejection.RequestIdReused(stamp.RequestId)),
        _ => null,
    };
}
