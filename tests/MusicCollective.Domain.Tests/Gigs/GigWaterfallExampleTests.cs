using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>Gig settlements worked by hand, every amount checked.</summary>
public sealed class GigWaterfallExampleTests
{
    private static readonly DateOnly PolicyStart = new(2025, 1, 1);

    private static Money Eur(string amount) => Money.Parse(amount, Currency.Eur);

    private static SplitPolicy Standard(decimal fundRate, params FixedFee[] fixedFees) =>
        SplitPolicy.Create("standard", 2, PolicyStart, fundRate, 0.03m,
            [new RoleWeight("leader", 1.5m), new RoleWeight("member", 1m)], fixedFees);

    private static (string Account, string Amount, PostingRule Rule)[] Lines(GigSettlement settlement) =>
        settlement.Transaction.Postings.Select(p => (p.Account.Value, p.Amount.ToDecimalString(), p.Explanation.Rule)).ToArray();

    // Proves the worked example: 2,000.00 fee, fund 3%, a 120.00 expense, a 150.00 substitute, leader 1.5 and two members at 1.
    [Fact]
    public void Fully_worked_gig()
    {
        var request = new GigSettlementRequest("gig-2025-03-14-paradiso", "tx-gig-1", Eur("2000.00"),
            [
                new LineupEntry("m-lead", "leader"),
                new LineupEntry("m-anna", "member"),
                new LineupEntry("m-bo", "member"),
                new LineupEntry("h-sub", "substitute", IsHired: true),
            ],
            [new GigExpense("e-1", "m-anna", Eur("120.00"), "van fuel", "R-2025-0311")],
            Standard(0.03m, new FixedFee("substitute", Eur("150.00"))));

        var settlement = GigWaterfall.Settle(request);

        // fund 3% of 2000.00 = 60.00; expenses 120.00; substitute 150.00; left 1670.00 shared 1.5 : 1 : 1 (= 15 : 10 : 10):
        // exact 715.714… / 477.142… / 477.142…, floors 715.71 + 477.14 + 477.14 = 1669.99; the spare cent goes to the
        // largest fraction (the leader's .43 against .29).
        Assert.Equal(
            [
                ("income/gigs", "-2000.00", PostingRule.GigIncome),
                ("fund", "60.00", PostingRule.FundContribution),
                ("member/m-anna", "120.00", PostingRule.ExpenseReimbursement),
                ("member/h-sub", "150.00", PostingRule.FixedFee),
                ("member/m-lead", "715.72", PostingRule.LineupShare),
                ("member/m-anna", "477.14", PostingRule.LineupShare),
                ("member/m-bo", "477.14", PostingRule.LineupShare),
            ],
            Lines(settlement));
        Assert.Equal(Eur("60.00"), settlement.Fund);
        Assert.Equal(Eur("120.00"), settlement.Reimbursements);
        Assert.Equal(Eur("150.00"), settlement.FixedFees);
        Assert.Equal(Eur("1670.00"), settlement.Shares);
        Assert.Equal("tx-gig-1", settlement.Transaction.Id);
    }

    // Proves each posting records the policy version, role, weight and allocation key that explain it.
    [Fact]
    public void Postings_explain_themselves()
    {
        var request = new GigSettlementRequest("gig-7", "tx-7", Eur("100.00"),
            [new LineupEntry("m-lead", "leader"), new LineupEntry("m-bo", "member")], [], Standard(0.03m));

        var postings = GigWaterfall.Settle(request).Transaction.Postings;

        Assert.All(postings, p => Assert.Equal(("standard", 2), (p.Explanation.PolicyName, p.Explanation.PolicyVersion)));
        Assert.Equal(3m, postings[1].Explanation.Percentage);
        var leader = postings.Single(p => p.Account == AccountId.Member("m-lead"));
        Assert.Equal(("leader", 1.5m, "gig-7"), (leader.Explanation.Role, leader.Explanation.Weight, leader.Explanation.AllocationKey));
        Assert.Equal("58.20", leader.Amount.ToDecimalString());
        Assert.Equal("38.80", postings.Single(p => p.Account == AccountId.Member("m-bo")).Amount.ToDecimalString());
    }

    // Proves the fund is rounded half-to-even to a minor unit (EUR and JPY).
    [Theory]
    [InlineData("EUR", "12.50", "0.03", "0.38")]
    [InlineData("EUR", "11.50", "0.03", "0.34")]
    [InlineData("EUR", "0.01", "0.5", "0.00")]
    [InlineData("EUR", "0.03", "0.5", "0.02")]
    [InlineData("EUR", "2000.00", "0.0325", "65.00")]
    [InlineData("JPY", "150", "0.01", "2")]
    [InlineData("JPY", "250", "0.01", "2")]
    [InlineData("JPY", "0", "0.03", "0")]
    public void Fund_is_rounded_half_to_even(string code, string fee, string rate, string expectedFund)
    {
        var currency = Currency.Of(code);
        var request = new GigSettlementRequest("gig-1", "tx-1", Money.Parse(fee, currency), [new LineupEntry("m-bo", "member")], [],
            Standard(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

        var settlement = GigWaterfall.Settle(request);

        Assert.Equal(expectedFund, settlement.Fund.ToDecimalString());
        Assert.Equal(request.Fee, settlement.Fund + settlement.Shares);
    }

    // Proves expenses larger than what is left are reimbursed pro rata to the claims (80 : 40 of 100.00) and nothing goes further down.
    [Fact]
    public void Expenses_exceeding_the_fee_are_paid_pro_rata()
    {
        var request = new GigSettlementRequest("gig-1", "tx-1", Eur("100.00"),
            [new LineupEntry("m-anna", "member"), new LineupEntry("m-bo", "member"), new LineupEntry("h-sub", "substitute")],
            [
                new GigExpense("e-1", "m-anna", Eur("50.00"), "van", "R-1"),
                new GigExpense("e-2", "m-bo", Eur("40.00"), "strings", "R-2"),
                new GigExpense("e-3", "m-anna", Eur("30.00"), "fuel", "R-3"),
            ],
            Standard(0m, new FixedFee("substitute", Eur("150.00"))));

        var settlement = GigWaterfall.Settle(request);

        // claims: m-anna 80.00, m-bo 40.00; 100.00 × 80/120 = 66.666…, × 40/120 = 33.333…: the spare cent to the larger fraction.
        Assert.Equal(
            [
                ("income/gigs", "-100.00", PostingRule.GigIncome),
                ("fund", "0.00", PostingRule.FundContribution),
                ("member/m-anna", "66.67", PostingRule.ExpenseReimbursement),
                ("member/m-bo", "33.33", PostingRule.ExpenseReimbursement),
            ],
            Lines(settlement));
        Assert.Equal(Money.Zero(Currency.Eur), settlement.FixedFees);
        Assert.Equal(Money.Zero(Currency.Eur), settlement.Shares);
        Assert.Equal("gig-1/expenses", settlement.Transaction.Postings[2].Explanation.AllocationKey);
    }

    // Proves fixed fees larger than what is left are paid pro rata and nobody shares a remainder.
    [Fact]
    public void Fixed_fees_exceeding_what_is_left_are_paid_pro_rata()
    {
        var request = new GigSettlementRequest("gig-1", "tx-1", Eur("300.00"),
            [
                new LineupEntry("m-lead", "leader"),
                new LineupEntry("h-drums", "drums-sub", IsHired: true),
                new LineupEntry("h-bass", "bass-sub", IsHired: true),
            ],
            [new GigExpense("e-1", "m-lead", Eur("51.00"), "parking", "R-1")],
            Standard(0.03m, new FixedFee("drums-sub", Eur("200.00")), new FixedFee("bass-sub", Eur("100.00"))));

        var settlement = GigWaterfall.Settle(request);

        // fund 9.00; expense 51.00; left 240.00 against 300.00 of fixed fees: 2 : 1 gives 160.00 and 80.00.
        Assert.Equal(
            [
                ("income/gigs", "-300.00", PostingRule.GigIncome),
                ("fund", "9.00", PostingRule.FundContribution),
                ("member/m-lead", "51.00", PostingRule.ExpenseReimbursement),
                ("member/h-drums", "160.00", PostingRule.FixedFee),
                ("member/h-bass", "80.00", PostingRule.FixedFee),
            ],
            Lines(settlement));
        Assert.Equal(Money.Zero(Currency.Eur), settlement.Shares);
    }

    // Proves a zero fee settles to zeros and a fee exactly covering fixed fees leaves zero shares, both balanced.
    [Fact]
    public void Edge_fees_settle_to_zero_shares()
    {
        var lineup = new[] { new LineupEntry("m-bo", "member"), new LineupEntry("h-sub", "substitute") };
        var policy = Standard(0m, new FixedFee("substitute", Eur("150.00")));

        var zero = GigWaterfall.Settle(new GigSettlementRequest("gig-0", "tx-0", Eur("0"), lineup, [], policy));
        var exact = GigWaterfall.Settle(new GigSettlementRequest("gig-1", "tx-1", Eur("150.00"), lineup, [], policy));

        Assert.All(zero.Transaction.Postings, p => Assert.Equal(0, p.Amount.MinorUnits));
        Assert.Equal(Eur("150.00"), exact.FixedFees);
        Assert.Equal(Eur("0"), exact.Shares);
    }

    // Proves a correction is a reversal that cancels the settlement account by account.
    [Fact]
    public void Correction_is_a_reversal()
    {
        var request = new GigSettlementRequest("gig-1", "tx-1", Eur("100.00"),
            [new LineupEntry("m-lead", "leader"), new LineupEntry("m-bo", "member")], [], Standard(0.03m));
        var settlement = GigWaterfall.Settle(request);

        var reversal = settlement.Transaction.Reversal("tx-1-reversal");

        Assert.Equal(["100.00", "-3.00", "-58.20", "-38.80"], reversal.Postings.Select(p => p.Amount.ToDecimalString()));
    }
}
