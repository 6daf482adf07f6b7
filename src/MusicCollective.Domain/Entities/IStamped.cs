namespace MusicCollective.Domain.Entities;

/// <summary>A mutating command: it carries the idempotency stamp of the request that caused it.</summary>
public interface IStamped
{
    /// <summary>The request's id and payload hash.</summary>
    RequestStamp Stamp { get; }
}
