namespace MusicCollective.Domain.Entities;

/// <summary>
/// The idempotency key of a mutating request (AIP-155) and a hash of its payload. The same id with the same hash is
/// a retry; the same id with another hash is a different request reusing the id, which is refused.
/// </summary>
public sealed record RequestStamp(string RequestId, string PayloadHash);
