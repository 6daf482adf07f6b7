namespace MusicCollective.Domain.Entities;

/// <summary>
/// Rebuilds the first answer to a retried request (AIP-155): the entity's state right after the event its request
/// caused, however far the entity has moved on since. Every event carries its request's id, so folding the entity's
/// events from its initial state and stopping after that request's events gives back exactly the state the first
/// call answered with. Pure: the actor feeds it the entity's events as read back from the journal, oldest first.
/// </summary>
/// <param name="RequestId">The retried request.</param>
/// <param name="State">The state folded so far.</param>
/// <param name="Found">True once an event of the request was folded: <see cref="State"/> is then its answer.</param>
/// <param name="Complete">True once an event of a later request was seen: nothing more is folded.</param>
public sealed record FirstAnswerReplay<TState>(string RequestId, TState State, bool Found, bool Complete)
{
    /// <summary>A replay of <paramref name="requestId"/> from the entity's state before any event.</summary>
    public static FirstAnswerReplay<TState> Start(string requestId, TState initial) => new(requestId, initial, false, false);

    /// <summary>
    /// The replay with <paramref name="event"/> folded in by <paramref name="apply"/>, or completed (the state kept
    /// as it is) when the event belongs to a request after the retried one.
    /// </summary>
    public FirstAnswerReplay<TState> Step<TEvent>(TEvent @event, Func<TState, TEvent, TState> apply)
        where TEvent : IRequestEvent
    {
        if (Complete) return this;
        var isRequest = @event.RequestId == RequestId;
        if (Found && !isRequest) return this with { Complete = true };
        return this with { State = apply(State, @event), Found = Found || isRequest };
    }
}
