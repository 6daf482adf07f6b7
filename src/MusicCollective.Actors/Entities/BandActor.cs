using Akka.Actor;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Entities;

namespace MusicCollective.Actors.Entities;

/// <summary>One band; persistence id <c>band-{id}</c>.</summary>
public sealed class BandActor(string bandId, TimeProvider clock)
    : EntityActor<BandState, BandCommand, BandEvent>($"band-{bandId}", BandState.Initial(bandId), clock)
{
    /// <summary>Props for the sharded entity.</summary>
    public static Props PropsFor(string bandId, TimeProvider clock) => Props.Create(() => new BandActor(bandId, clock));

    /// <inheritdoc />
    protected override bool IsQuery(BandCommand command) => command is GetBand;

    /// <inheritdoc />
    protected override Decision<BandEvent> Process(BandState state, BandCommand command, DateTimeOffset now) =>
        state.Process(command, now);

    /// <inheritdoc />
    protected override BandState Apply(BandState state, BandEvent @event) => state.Apply(@event);

    /// <inheritdoc />
    protected override object Reply(BandState state, Rejection? rejection) => new BandReply(state, rejection);
}
