namespace MusicCollective.Domain.Entities;

/// <summary>
/// An event of an entity: caused by exactly one request, whose id it carries. That id is what lets a late retry be
/// answered with the state right after its request's event (<see cref="FirstAnswerReplay{TState}"/>).
/// </summary>
public interface IRequestEvent
{
    /// <summary>The id of the request that caused the event.</summary>
    string RequestId { get; }
}
