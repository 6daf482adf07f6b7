using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Tests.Entities;
using static MusicCollective.Domain.Tests.Gigs.GigSamples;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>Cancelling, and the rule that a settled or cancelled gig never changes.</summary>
public sealed partial class GigBehaviorTests
{
    // Proves every command to a settled gig is FailedPrecondition: a settled gig never changes.
    [Theory]
    [InlineData("set-lineup")]
    [InlineData("add-expense")]
    [InlineData("mark-performed")]
    [InlineData("record-fee")]
    [InlineData("cancel")]
    public void Settled_gig_never_changes(string kind) =>
        EntityAssert.Rejected(Settled().Process(Command(kind), Now), RejectionKind.FailedPrecondition, DomainErrorCode.OutOfRange, "gig_id");

    // Proves every command to a cancelled gig is FailedPrecondition.
    [Theory]
    [InlineData("set-lineup")]
    [InlineData("add-expense")]
    [InlineData("mark-performed")]
    [InlineData("record-fee")]
    [InlineData("cancel")]
    public void Cancelled_gig_never_changes(string kind) =>
        EntityAssert.Rejected(Booked().Run(Cancel()).Process(Command(kind), Now), RejectionKind.FailedPrecondition, DomainErrorCode.OutOfRange, "gig_id");

    // Proves registering a settled gig again under a new request id is AlreadyExists, not a new gig.
    [Fact]
    public void Register_over_settled_gig_is_already_exists() =>
        EntityAssert.Rejected(Settled().Process(Register("r-new"), Now), RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "gig_id");

    // Proves a retry of the settling request after settlement is answered as a retry, not refused.
    [Fact]
    public void Retry_of_settling_request_is_a_retry() => EntityAssert.Retry(Settled().Process(Fee(), Now));

    // Proves cancelling without a kill fee moves nothing: cancelled, no settlement, the reason kept.
    [Fact]
    public void Cancel_without_kill_fee_has_no_settlement()
    {
        var cancelled = EntityAssert.Accepted<GigCancelled>(Booked().Process(Cancel(), Now));
        var state = Booked().Apply(cancelled);

        Assert.Null(cancelled.Settlement);
        Assert.Equal((GigStatus.Cancelled, "Venue flooded", null), (state.Status, state.CancellationReason, state.Settlement));
    }

    // Proves a kill fee is settled like a fee: 200.00 → fund 6.00, sam 150.00, alice 26.40, bob 17.60.
    [Fact]
    public void Cancel_with_kill_fee_settles_it()
    {
        var cancelled = EntityAssert.Accepted<GigCancelled>(Booked().Process(Cancel(killFee: Eur(20_000), policy: Policy), Now));
        var s = Assert.IsType<SettlementData>(cancelled.Settlement);

        SettlementAssert.Balanced(s, 20_000);
        Assert.Equal(
            [("income/gigs", -20_000L), ("fund", 600L), ("member/sam", 15_000L), ("member/alice", 2_640L), ("member/bob", 1_760L)],
            s.Postings.Select(p => (p.Account, p.Amount.MinorUnits)));
        var state = Booked().Apply(cancelled);
        Assert.Equal((GigStatus.Cancelled, s), (state.Status, state.Settlement));
    }

    // Proves a performed gig can still be cancelled with a kill fee, and its expenses are reimbursed first.
    [Fact]
    public void Cancel_after_performed_reimburses_expenses()
    {
        var cancelled = EntityAssert.Accepted<GigCancelled>(PerformedWithVan().Process(Cancel(killFee: Eur(20_000), policy: Policy), Now));

        SettlementAssert.Balanced(cancelled.Settlement!, 20_000);
        Assert.Equal(5_000L, cancelled.Settlement!.Reimbursements.MinorUnits);
    }

    // Proves a kill fee without a split policy is FailedPrecondition on kill_fee.
    [Fact]
    public void Kill_fee_without_policy_is_failed_precondition() =>
        EntityAssert.Rejected(Booked().Process(Cancel(killFee: Eur(20_000)), Now),
            RejectionKind.FailedPrecondition, DomainErrorCode.NoPolicyInForce, "kill_fee");

    // Proves a zero kill fee needs no policy and settles nothing.
    [Fact]
    public void Zero_kill_fee_needs_no_policy() =>
        Assert.Null(EntityAssert.Accepted<GigCancelled>(Booked().Process(Cancel(killFee: Eur(0)), Now)).Settlement);
}
