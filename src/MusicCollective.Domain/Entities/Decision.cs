using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Entities;

/// <summary>
/// What an entity decided about a command: events to persist (then answer with the new state), a retry to answer
/// with the first answer without persisting, or a rejection. Pure data: produced by Process, consumed by the actor.
/// </summary>
public sealed record Decision<TEvent>(IReadOnlyList<TEvent> Events, Rejection? Rejection, bool IsRetry)
{
    /// <summary>Persist these events, then answer.</summary>
    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null, false);

    /// <summary>Answer as before (the state right after the request's event); persist nothing.</summary>
    public static Decision<TEvent> Retry() => new([], null, true);

    /// <summary>Refuse; persist nothing.</summary>
    public static Decision<TEvent> Reject(Rejection rejection) => new([], rejection, false);

    /// <summary>Refuse with the errors of a <see cref="DomainException"/>.</summary>
    public static Decision<TEvent> Reject(RejectionKind kind, DomainException exception) =>
        new([], new Rejection(kind, exception.Errors), false);

    /// <summary>Refuse with one error.</summary>
    public static Decision<TEvent> Reject(RejectionKind kind, DomainErrorCode code, string field, string message) =>
        Reject(Rejection.Of(kind, code, field, message));
}
