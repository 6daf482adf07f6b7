using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Ledger;
using static MusicCollective.Actors.Tests.Samples.SampleValues;

namespace MusicCollective.Actors.Tests.Samples;

/// <summary>A fully populated sample of every gig message. Literal data, so the stored shape can be pinned.</summary>
internal static class GigSamples
{
    public static IReadOnlyList<LineupEntryData> Lineup { get; } =
        [new("alice", "leader", false), new("bob", "member", false), new("sam", "sub", true)];

    public static ExpenseData Van { get; } = new("x-1", "alice", "Van hire", Eur(5_000), "receipt-17");

    /// <summary>A 1,000.00 EUR fee: fund 30.00, van 50.00 to alice, sam 150.00 flat, 770.00 shared 1.5 : 1.</summary>
    public static SettlementData Settlement { get; } = new("gig/g-1/settlement", "standard", 2,
        Eur(100_000), Eur(3_000), Eur(5_000), Eur(15_000), Eur(77_000),
        [
            new("income/gigs", Eur(-100_000), PostingRule.GigIncome, "Gig fee received: 1000.00 EUR", "standard", 2, null, null, null, null),
            new("fund", Eur(3_000), PostingRule.FundContribution, "Co-op fund: 3% of the 1000.00 EUR fee", "standard", 2, null, null, 3m, null),
            new("member/alice", Eur(5_000), PostingRule.ExpenseReimbursement, "Expenses you paid, reimbursed in full", "standard", 2, null, 5000m, null, null),
            new("member/sam", Eur(15_000), PostingRule.FixedFee, "Fixed fee for role sub", "standard", 2, null, 15000m, null, null),
            new("member/alice", Eur(46_200), PostingRule.LineupShare, "Share: role leader, weight 1.5 of 2.5", "standard", 2, "leader", 1.5m, 33.333333m, "g-1"),
            new("member/bob", Eur(30_800), PostingRule.LineupShare, "Share: role member, weight 1 of 2.5", "standard", 2, "member", 1m, 66.666667m, "g-1"),
        ],
        Time);

    public static GigSettled Settled { get; } = new("g-1", "req-9", "sha256:99", Time, Settlement);

    public static GigState State { get; } = GigState.Initial("g-1") with
    {
        Exists = true, BandId = "b-1", Venue = "Paradiso", Date = new DateOnly(2024, 6, 1), AgreedFee = Eur(100_000),
        Status = GigStatus.Cancelled, Lineup = [.. GigSamples.Lineup], Expenses = [Van], Settlement = Settlement,
        CancellationReason = "Venue flooded", RegisteredBy = "gigbook", CreateTime = Time, UpdateTime = Time.AddDays(1),
        Requests = Requests(),
    };

    public static IEnumerable<object> All() =>
    [
        new GigRegistered("g-1", "req-1", "sha256:aa", Time, "b-1", "Paradiso", new DateOnly(2024, 6, 1), Eur(100_000), Lineup, "gigbook"),
        new GigLineupSet("g-1", "req-2", "sha256:bb", Time, Lineup),
        new GigExpenseAdded("g-1", "req-3", "sha256:cc", Time, Van),
        new GigPerformed("g-1", "req-4", "sha256:dd", Time),
        Settled,
        new GigCancelled("g-1", "req-5", "sha256:ee", Time, "Venue flooded", Settlement),
        State,
        new RegisterGig(Stamp, "g-1", "b-1", "Paradiso", new DateOnly(2024, 6, 1), Eur(100_000), Lineup, "gigbook"),
        new SetLineup(Stamp, "g-1", Lineup),
        new AddExpense(Stamp, "g-1", Van),
        new MarkPerformed(Stamp, "g-1"),
        new RecordFeeReceived(Stamp, "g-1", Eur(100_000), BandSamples.Policy),
        new CancelGig(Stamp, "g-1", "Venue flooded", Eur(20_000), BandSamples.Policy),
        new GetGig("g-1"),
        new GigReply(State, Rejection()),
    ];
}
