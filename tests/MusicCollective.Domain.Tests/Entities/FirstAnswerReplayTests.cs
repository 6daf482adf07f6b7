using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Members;
using static MusicCollective.Domain.Tests.Gigs.GigSamples;

namespace MusicCollective.Domain.Tests.Entities;

/// <summary>Rebuilding the first answer to a late retry by folding an entity's events up to its request's event.</summary>
public sealed class FirstAnswerReplayTests
{
    private static readonly DateTimeOffset Time = new(2024, 5, 1, 20, 0, 0, TimeSpan.Zero);

    // A gig registered (r-register), given an expense (r-expense), played (r-performed) and settled (r-fee).
    private static readonly GigEvent[] SettledGigEvents = EventsOf(Register(), Expense(), Performed(), Fee());

    private static GigEvent[] EventsOf(params GigCommand[] commands)
    {
        var state = GigState.Initial(GigId);
        var events = new List<GigEvent>();
        foreach (var command in commands)
        {
            var @event = EntityAssert.Accepted<GigEvent>(state.Process(command, Now));
            state = state.Apply(@event);
            events.Add(@event);
        }
        return [.. events];
    }

    private static FirstAnswerReplay<GigState> Replay(string requestId, IEnumerable<GigEvent> events) =>
        events.Aggregate(FirstAnswerReplay<GigState>.Start(requestId, GigState.Initial(GigId)),
            (replay, e) => replay.Step(e, (state, @event) => state.Apply(@event)));

    // Proves the replay of each request of a settled gig gives the gig as it was right after that request, not as it is now.
    [Theory]
    [InlineData("r-register", 1)]
    [InlineData("r-expense", 2)]
    [InlineData("r-performed", 3)]
    [InlineData("r-fee", 4)]
    public void Replay_gives_the_state_right_after_the_request(string requestId, int eventsUpToIt)
    {
        var replay = Replay(requestId, SettledGigEvents);

        var expected = SettledGigEvents.Take(eventsUpToIt).Aggregate(GigState.Initial(GigId), (s, e) => s.Apply(e));
        Assert.True(replay.Found);
        Assert.Equal(StateText.Of(expected), StateText.Of(replay.State));
        Assert.True(replay.State.Requests.IsLast(requestId));
    }

    // Proves the replay of the register request answers a booked gig without expenses, though the gig is settled now.
    [Fact]
    public void Replay_of_the_registration_of_a_settled_gig_is_a_booked_gig()
    {
        var replay = Replay("r-register", SettledGigEvents);

        Assert.Equal((GigStatus.Booked, 0, null), (replay.State.Status, replay.State.Expenses.Count, replay.State.Settlement));
    }

    // Proves the replay completes at the first event of a later request and folds nothing after it.
    [Fact]
    public void Replay_completes_at_the_next_request_and_then_ignores_events()
    {
        var replay = Replay("r-expense", SettledGigEvents.Take(3));

        Assert.True(replay.Complete);
        Assert.Same(replay, replay.Step(SettledGigEvents[3], (_, _) => throw new InvalidOperationException("folded after completion")));
        Assert.Equal(GigStatus.Booked, replay.State.Status);
    }

    // Proves a replay that reached the request's event but not yet a later one is found and not complete (the request was last).
    [Fact]
    public void Replay_ending_at_the_request_is_found_not_complete()
    {
        var replay = Replay("r-fee", SettledGigEvents);

        Assert.Equal((true, false), (replay.Found, replay.Complete));
        Assert.Equal(GigStatus.Settled, replay.State.Status);
    }

    // Proves a request in none of the events is not found (the actor then answers from the current state).
    [Fact]
    public void Request_in_no_event_is_not_found() => Assert.False(Replay("r-unknown", SettledGigEvents).Found);

    // Proves a member's update replayed after a later update answers with the first update's values.
    [Fact]
    public void Member_update_replayed_after_a_later_update_has_its_own_values()
    {
        MemberEvent[] events =
        [
            new MemberCreated("alice", "r-1", "h-1", Time, "Alice", "alice@example.org"),
            new MemberUpdated("alice", "r-2", "h-2", Time, "Alice A.", "a@example.org", null),
            new MemberUpdated("alice", "r-3", "h-3", Time, "Alice Archer", "archer@example.org", null),
        ];

        var replay = events.Aggregate(FirstAnswerReplay<MemberState>.Start("r-2", MemberState.Initial("alice")),
            (r, e) => r.Step(e, (state, @event) => state.Apply(@event)));

        Assert.Equal(("Alice A.", "a@example.org"), (replay.State.DisplayName, replay.State.Email));
    }
}
