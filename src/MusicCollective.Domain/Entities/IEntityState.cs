namespace MusicCollective.Domain.Entities;

/// <summary>The state of an entity: it keeps the log of the requests it applied, for idempotency (AIP-155).</summary>
public interface IEntityState
{
    /// <summary>Request ids already applied.</summary>
    IdempotencyLog Requests { get; }
}
