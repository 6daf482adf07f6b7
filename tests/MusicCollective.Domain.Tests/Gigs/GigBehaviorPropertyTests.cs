using CsCheck;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Tests.Entities;
using Xunit.Abstractions;
using static MusicCollective.Domain.Tests.Gigs.GigSamples;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>The gig entity on random sessions of requests: retried, reused, valid, invalid, after it closed.</summary>
public sealed class GigBehaviorPropertyTests(ITestOutputHelper output)
{
    /// <summary>Random sessions per run.</summary>
    private const long SessionIterations = 20_000;

    // Proves recovery (re-applying the accepted events from scratch) gives the live state, repeats add no events, reused ids are refused, closed gigs never change.
    [Fact]
    public void Recovery_gives_the_same_state_and_repeats_add_nothing()
    {
        long settled = 0, killFees = 0, retries = 0, reuses = 0, refusedWhenClosed = 0;

        GigSessions.Sessions.Sample(session =>
        {
            var live = GigState.Initial(GigId);
            var events = new List<GigEvent>();
            var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
            var commands = session.Commands();
            for (var i = 0; i < commands.Count; i++)
            {
                var command = commands[i];
                var stamp = ((IStamped)command).Stamp;
                var now = Now.AddSeconds(i);
                var decision = live.Process(command, now);

                if (accepted.TryGetValue(stamp.RequestId, out var hash))
                {
                    // A request id already applied: never new events, whatever the gig's state.
                    Assert.Empty(decision.Events);
                    if (hash == stamp.PayloadHash)
                    {
                        Assert.True(decision.IsRetry, $"step {i}: a repeat was not a retry");
                        Interlocked.Increment(ref retries);
                    }
                    else
                    {
                        Assert.Equal(RejectionKind.RequestIdReused, decision.Rejection?.Kind);
                        Interlocked.Increment(ref reuses);
                    }
                    continue;
                }

                Assert.False(decision.IsRetry, $"step {i}: a new request was answered as a retry");
                Assert.NotEqual(RejectionKind.RequestIdReused, decision.Rejection?.Kind);
                if (decision.Rejection is not null)
                {
                    Assert.Empty(decision.Events);
                    if (live.IsClosed) Interlocked.Increment(ref refusedWhenClosed);
                    if (!live.Exists && command is not RegisterGig) Assert.Equal(RejectionKind.NotFound, decision.Rejection.Kind);
                    continue;
                }

                Assert.False(live.IsClosed, $"step {i}: a {live.Status} gig accepted {command.GetType().Name}");
                var @event = Assert.Single(decision.Events);
                Assert.Equal((GigId, stamp.RequestId, stamp.PayloadHash, now), (@event.GigId, @event.RequestId, @event.PayloadHash, @event.Time));
                switch (@event)
                {
                    case GigSettled s:
                        SettlementAssert.Balanced(s.Settlement, ((RecordFeeReceived)command).Fee.MinorUnits);
                        Interlocked.Increment(ref settled);
                        break;
                    case GigCancelled { Settlement: { } kill }:
                        SettlementAssert.Balanced(kill, ((CancelGig)command).KillFee!.MinorUnits);
                        Interlocked.Increment(ref killFees);
                        break;
                }
                live = live.Apply(@event);
                events.Add(@event);
                accepted[stamp.RequestId] = stamp.PayloadHash;
            }

            var recovered = events.Aggregate(GigState.Initial(GigId), (state, e) => state.Apply(e));
            Assert.Equal(StateText.Of(live), StateText.Of(recovered));
            Assert.Equal(accepted.OrderBy(p => p.Key, StringComparer.Ordinal), recovered.Requests.HashByRequestId.OrderBy(p => p.Key, StringComparer.Ordinal));
        }, iter: SessionIterations);

        output.WriteLine($"settled {settled}, kill fees {killFees}, retries {retries}, reused ids {reuses}, refused when closed {refusedWhenClosed}");
        // The generator must reach every path, not only the easy one.
        Assert.True(settled > SessionIterations / 20, $"only {settled} sessions settled");
        Assert.True(killFees > SessionIterations / 50, $"only {killFees} kill fees settled");
        Assert.True(retries > SessionIterations / 5, $"only {retries} retries");
        Assert.True(reuses > SessionIterations / 5, $"only {reuses} reused ids");
        Assert.True(refusedWhenClosed > SessionIterations / 20, $"only {refusedWhenClosed} commands to closed gigs");
    }

    // Proves every retry, however late, can be given its first answer: the current state when it was the last request applied, else a replay of the events up to it.
    [Fact]
    public void Every_retry_gets_the_state_right_after_its_request()
    {
        long late = 0, last = 0;

        GigSessions.Sessions.Sample(session =>
        {
            var live = GigState.Initial(GigId);
            var events = new List<GigEvent>();
            var firstAnswers = new Dictionary<string, string>(StringComparer.Ordinal);
            var commands = session.Commands();
            for (var i = 0; i < commands.Count; i++)
            {
                var requestId = ((IStamped)commands[i]).Stamp.RequestId;
                var decision = live.Process(commands[i], Now.AddSeconds(i));
                if (decision.IsRetry)
                {
                    var answer = live.Requests.IsLast(requestId)
                        ? live
                        : events.Aggregate(FirstAnswerReplay<GigState>.Start(requestId, GigState.Initial(GigId)),
                            (replay, e) => replay.Step(e, (state, @event) => state.Apply(@event))).State;
                    Assert.Equal(firstAnswers[requestId], StateText.Of(answer));
                    Interlocked.Increment(ref live.Requests.IsLast(requestId) ? ref last : ref late);
                    continue;
                }
                if (decision.Events.Count == 0) continue;
                live = live.Apply(Assert.Single(decision.Events));
                events.Add(decision.Events[0]);
                firstAnswers[requestId] = StateText.Of(live);
            }
        }, iter: SessionIterations);

        output.WriteLine($"late retries {late}, retries of the last request {last}");
        Assert.True(late > SessionIterations / 5, $"only {late} late retries");
        Assert.True(last > SessionIterations / 20, $"only {last} retries of the last request");
    }
}
