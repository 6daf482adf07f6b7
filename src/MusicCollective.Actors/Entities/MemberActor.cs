using Akka.Actor;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Members;

namespace MusicCollective.Actors.Entities;

/// <summary>One member; persistence id <c>member-{id}</c>.</summary>
public sealed class MemberActor(string memberId, TimeProvider clock)
    : EntityActor<MemberState, MemberCommand, MemberEvent>($"member-{memberId}", MemberState.Initial(memberId), clock)
{
    /// <summary>Props for the sharded entity.</summary>
    public static Props PropsFor(string memberId, TimeProvider clock) => Props.Create(() => new MemberActor(memberId, clock));

    /// <inheritdoc />
    protected override bool IsQuery(MemberCommand command) => command is GetMember;

    /// <inheritdoc />
    protected override Decision<MemberEvent> Process(MemberState state, MemberCommand command, DateTimeOffset now) =>
        state.Process(command, now);

    /// <inheritdoc />
    protected override MemberState Apply(MemberState state, MemberEvent @event) => state.Apply(@event);

    /// <inheritdoc />
    protected override object Reply(MemberState state, Rejection? rejection) => new MemberReply(state, rejection);
}
