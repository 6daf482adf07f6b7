using Akka.Actor;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Gigs;

namespace MusicCollective.Actors.Entities;

/// <summary>One gig; persistence id <c>gig-{id}</c>. Its GigSettled event carries the balanced ledger transaction.</summary>
public sealed class GigActor(string gigId, TimeProvider clock)
    : EntityActor<GigState, GigCommand, GigEvent>($"gig-{gigId}", GigState.Initial(gigId), clock)
{
    /// <summary>Props for the sharded entity.</summary>
    public static Props PropsFor(string gigId, TimeProvider clock) => Props.Create(() => new GigActor(gigId, clock));

    /// <summary>
    /// A gig's history is bounded (registration, at most <see cref="GigBehavior.ExpensesMax"/> expenses, a few
    /// lifecycle events) and almost always a handful of events: replaying it is cheaper than the snapshot query every
    /// new gig would otherwise pay when it is registered.
    /// </summary>
    protected override bool TakesSnapshots => false;

    /// <inheritdoc />
    protected override bool IsQuery(GigCommand command) => command is GetGig;

    /// <inheritdoc />
    protected override Decision<GigEvent> Process(GigState state, GigCommand command, DateTimeOffset now) =>
        state.Process(command, now);

    /// <inheritdoc />
    protected override GigState Apply(GigState state, GigEvent @event) => state.Apply(@event);

    /// <inheritdoc />
    protected override object Reply(GigState state, Rejection? rejection) => new GigReply(state, rejection);
}
