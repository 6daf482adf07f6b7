using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Tests.Entities;
using static MusicCollective.Domain.Tests.Gigs.GigSamples;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>The gig entity's pure state machine: lifecycle, settlement and idempotency (validation and closed gigs in the other parts).</summary>
public sealed partial class GigBehaviorTests
{
    // Proves a new register request is processed into GigRegistered and the gig is then booked.
    [Fact]
    public void New_register_is_processed()
    {
        var registered = EntityAssert.Accepted<GigRegistered>(GigState.Initial(GigId).Process(Register(), Now));

        Assert.Equal((GigId, "r-register", "hash-r-register", Now), (registered.GigId, registered.RequestId, registered.PayloadHash, registered.Time));
        Assert.Equal(("b-1", "Paradiso", Date, Eur(100_000), "gigbook"),
            (registered.BandId, registered.Venue, registered.Date, registered.AgreedFee, registered.RegisteredBy));
        Assert.Equal(Lineup, registered.Lineup);
        var state = GigState.Initial(GigId).Apply(registered);
        Assert.Equal((true, GigStatus.Booked, Now, Now), (state.Exists, state.Status, state.CreateTime, state.UpdateTime));
    }

    // Proves the same register request again is a retry with no events.
    [Fact]
    public void Same_request_again_is_a_retry() => EntityAssert.Retry(Booked().Process(Register(), Now));

    // Proves the same request id with another payload is refused as RequestIdReused.
    [Fact]
    public void Same_request_id_with_other_payload_is_refused() =>
        EntityAssert.Rejected(Booked().Process(Register() with { Stamp = Stamps.Of("r-register", "other"), Venue = "Melkweg" }, Now),
            RejectionKind.RequestIdReused, DomainErrorCode.Duplicate, "request_id");

    // Proves registering an existing gig under a new request id is AlreadyExists on gig_id.
    [Fact]
    public void Register_twice_is_already_exists() =>
        EntityAssert.Rejected(Booked().Process(Register("r-again"), Now), RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "gig_id");

    // Proves every command but register, sent to a gig that does not exist, is NotFound on gig_id.
    [Theory]
    [InlineData("set-lineup")]
    [InlineData("add-expense")]
    [InlineData("mark-performed")]
    [InlineData("record-fee")]
    [InlineData("cancel")]
    public void Command_to_missing_gig_is_not_found(string kind) =>
        EntityAssert.Rejected(GigState.Initial(GigId).Process(Command(kind), Now), RejectionKind.NotFound, DomainErrorCode.Required, "gig_id");

    // Proves booked → performed → settled settles the fee by the waterfall: 3% fund, van reimbursed, sub flat, rest 1.5 : 1.
    [Fact]
    public void Booked_performed_settled_divides_the_fee()
    {
        var performed = PerformedWithVan();
        Assert.Equal(GigStatus.Performed, performed.Status);

        var settled = EntityAssert.Accepted<GigSettled>(performed.Process(Fee(), Now));
        var s = settled.Settlement;

        SettlementAssert.Balanced(s, 100_000);
        Assert.Equal(("gig/g-1/settlement", "standard", 1, Now), (s.TransactionId, s.PolicyName, s.PolicyVersion, s.SettleTime));
        Assert.Equal((3_000L, 5_000L, 15_000L, 77_000L),
            (s.Fund.MinorUnits, s.Reimbursements.MinorUnits, s.FixedFees.MinorUnits, s.Shares.MinorUnits));
        Assert.Equal(
            [("income/gigs", -100_000L, PostingRule.GigIncome), ("fund", 3_000L, PostingRule.FundContribution),
             ("member/alice", 5_000L, PostingRule.ExpenseReimbursement), ("member/sam", 15_000L, PostingRule.FixedFee),
             ("member/alice", 46_200L, PostingRule.LineupShare), ("member/bob", 30_800L, PostingRule.LineupShare)],
            s.Postings.Select(p => (p.Account, p.Amount.MinorUnits, p.Rule)));
        Assert.All(s.Postings, p => Assert.Equal(("standard", 1), (p.PolicyName, p.PolicyVersion)));

        var state = performed.Apply(settled);
        Assert.Equal(GigStatus.Settled, state.Status);
        Assert.Same(s, state.Settlement);
    }

    // Proves recording the fee of a gig not yet performed is FailedPrecondition.
    [Fact]
    public void Fee_before_performed_is_failed_precondition() =>
        EntityAssert.Rejected(Booked().Process(Fee(), Now), RejectionKind.FailedPrecondition, DomainErrorCode.OutOfRange, "gig_id");

    // Proves a gig is marked performed once: the second time is FailedPrecondition.
    [Fact]
    public void Performed_twice_is_failed_precondition() =>
        EntityAssert.Rejected(Booked().Run(Performed()).Process(Performed("r-again"), Now),
            RejectionKind.FailedPrecondition, DomainErrorCode.OutOfRange, "gig_id");

    // Proves a fee the band's rules cannot settle (a role the policy lacks) is FailedPrecondition naming the role.
    [Fact]
    public void Fee_with_role_unknown_to_policy_is_failed_precondition() =>
        EntityAssert.Rejected(Booked().Run(SetLineup("r-lineup", [new("alice", "leader", false), new("zoe", "drums", false)]))
                .Run(Performed()).Process(Fee(), Now),
            RejectionKind.FailedPrecondition, DomainErrorCode.UnknownRole, "lineup[1].role");

    // Proves a new line-up replaces the old one and expenses accumulate.
    [Fact]
    public void Lineup_is_replaced_and_expenses_accumulate()
    {
        IReadOnlyList<LineupEntryData> lineup = [new("bob", "leader", false)];
        var state = Booked().Run(SetLineup("r-lineup", lineup)).Run(Expense()).Run(Expense("r-x2", Van with { ExpenseId = "x-2" }));

        Assert.Equal(lineup, state.Lineup);
        Assert.Equal(["x-1", "x-2"], state.Expenses.Select(e => e.ExpenseId));
    }

    // Proves replaying the events Process produced onto Initial gives the same state (recovery is exact).
    [Fact]
    public void Replaying_events_gives_the_same_state()
    {
        var commands = new GigCommand[]
        {
            Register(), SetLineup("r-lineup", Lineup), Expense(), Expense("r-x2", Van with { ExpenseId = "x-2", PaidBy = "bob" }),
            Performed(), Fee(),
        };
        var state = GigState.Initial(GigId);
        var events = new List<GigEvent>();
        foreach (var command in commands)
        {
            var @event = EntityAssert.Accepted<GigEvent>(state.Process(command, Now.AddMinutes(events.Count)));
            events.Add(@event);
            state = state.Apply(@event);
        }

        var replayed = events.Aggregate(GigState.Initial(GigId), (s, e) => s.Apply(e));
        Assert.Equal(StateText.Of(state), StateText.Of(replayed));
        Assert.Equal(Now.AddMinutes(commands.Length - 1), replayed.UpdateTime);
        Assert.Equal(commands.Length, replayed.Requests.HashByRequestId.Count);
    }

    // Proves Process is pure: deciding the same command on the same state twice gives equal events.
    [Fact]
    public void Process_is_deterministic()
    {
        var first = Assert.IsType<GigSettled>(Assert.Single(PerformedWithVan().Process(Fee(), Now).Events));
        var second = Assert.IsType<GigSettled>(Assert.Single(PerformedWithVan().Process(Fee(), Now).Events));

        Assert.Equal(first.Settlement.Postings, second.Settlement.Postings);
        Assert.Equal(first with { Settlement = null! }, second with { Settlement = null! });
    }
}
