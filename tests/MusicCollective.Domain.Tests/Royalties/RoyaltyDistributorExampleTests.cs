using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;
using MusicCollective.Domain.Recordings;
using MusicCollective.Domain.Royalties;

namespace MusicCollective.Domain.Tests.Royalties;

/// <summary>Royalty distributions worked by hand: fund, recoupment, split sheet, and the residue carried between statements.</summary>
public sealed class RoyaltyDistributorExampleTests
{
    private static readonly SplitPolicy Policy = SplitPolicy.Create("standard", 3, new DateOnly(2025, 1, 1), 0.03m, 0.03m,
        [new RoleWeight("member", 1m)]);

    private static readonly SplitSheet Sheet = SplitSheet.Create(
        [new SplitShare("m-ana", 50m), new SplitShare("m-bo", 30m), new SplitShare("m-cy", 20m)]);

    private static PreciseAmount Eur(string amount) => PreciseAmount.Parse(amount, Currency.Eur);

    private static RoyaltyDistributionRequest Request(string statementId, string linesTotal, PreciseAmount carried,
        RecoupableBalance? recoupable) =>
        new("rec-1", "label-1", $"{statementId}/NLA1D2400001", $"tx-{statementId}", Eur(linesTotal), carried, Policy, Sheet,
            recoupable);

    private static (string Account, string Amount)[] Lines(RoyaltyDistribution d) =>
        d.Transaction!.Postings.Select(p => (p.Account.Value, p.Amount.ToDecimalString())).ToArray();

    // Proves three statements in a row: recoupment at 50% of net, a clawback that leaves recoupment alone, and residue carried exactly.
    [Fact]
    public void Statements_recoup_and_carry_residue()
    {
        var advance = RecoupableBalance.Create(Money.Parse("500.00", Currency.Eur), 0.5m, "label-1");

        // Statement 1: 1000.0034125 → income 1000.00, residue 0.0034125. Fund 3% = 30.00; net 970.00; half of it,
        // 485.00, recoups the 500.00 advance (15.00 still owed); 485.00 shared 50/30/20.
        var first = RoyaltyDistributor.Distribute(Request("s-1", "1000.0034125", PreciseAmount.Zero(Currency.Eur), advance));

        Assert.Equal(
            [
                ("income/labels/label-1", "-1000.00"), ("fund", "30.00"), ("recoup/rec-1", "485.00"),
                ("member/m-ana", "242.50"), ("member/m-bo", "145.50"), ("member/m-cy", "97.00"),
            ],
            Lines(first));
        Assert.Equal(0.0034125m, first.Residue.Value);
        Assert.Equal(Money.Parse("15.00", Currency.Eur), first.Recoupable!.Remaining);

        // Statement 2: a clawback of 20.00 plus the carried 0.0034125 → income −19.99, residue −0.0065875. The fund gives back
        // 0.60 (59.97 cents: floors 59 / 1939, the spare cent to the larger fraction .97 — the fund's), members give back 19.39
        // by 50/30/20 (969.5 / 581.7 / 387.8 → floors 969 / 581 / 387, the two spare cents to .8 and .7); nothing is un-recouped.
        var second = RoyaltyDistributor.Distribute(Request("s-2", "-20.00", first.Residue, first.Recoupable));

        Assert.Equal(
            [
                ("income/labels/label-1", "19.99"), ("fund", "-0.60"),
                ("member/m-ana", "-9.69"), ("member/m-bo", "-5.82"), ("member/m-cy", "-3.88"),
            ],
            Lines(second));
        Assert.Equal(-0.0065875m, second.Residue.Value);
        Assert.Equal(Money.Zero(Currency.Eur), second.Recouped);
        Assert.Equal(Money.Parse("15.00", Currency.Eur), second.Recoupable!.Remaining);

        // Statement 3: 100.007 − 0.0065875 → income 100.00, residue 0.0004125. Fund 3.00; half of 97.00 would be 48.50 but only
        // 15.00 is still owed, so 15.00 is recouped and the advance is repaid; 82.00 shared 50/30/20.
        var third = RoyaltyDistributor.Distribute(Request("s-3", "100.007", second.Residue, second.Recoupable));

        Assert.Equal(
            [
                ("income/labels/label-1", "-100.00"), ("fund", "3.00"), ("recoup/rec-1", "15.00"),
                ("member/m-ana", "41.00"), ("member/m-bo", "24.60"), ("member/m-cy", "16.40"),
            ],
            Lines(third));
        Assert.Equal(0.0004125m, third.Residue.Value);
        Assert.True(third.Recoupable!.IsRecouped);

        // Across the three: Σ lines 1080.0104125 = Σ paid 1080.01 + final residue 0.0004125; recouped exactly the 500.00 advance.
        var paid = new[] { first, second, third }.Aggregate(Money.Zero(Currency.Eur), (sum, d) => sum + d.Fund + d.Recouped + d.Shares);
        Assert.Equal(1080.0104125m, paid.ToDecimal() + third.Residue.Value);
        Assert.Equal(Money.Parse("500.00", Currency.Eur), first.Recouped + second.Recouped + third.Recouped);
    }

    // Proves sub-cent statements post nothing and carry everything, until the carried residue makes a whole cent.
    [Fact]
    public void Sub_cent_income_waits_as_residue()
    {
        var first = RoyaltyDistributor.Distribute(Request("s-1", "0.0049", PreciseAmount.Zero(Currency.Eur), null));

        Assert.Null(first.Transaction);
        Assert.Equal(0.0049m, first.Residue.Value);
        Assert.Equal(Money.Zero(Currency.Eur), first.Income);

        // 0.0051 + 0.0049 = exactly one cent: the fund's 0.03 cent loses to the members' 0.97, and the cent goes to the 50% share.
        var second = RoyaltyDistributor.Distribute(Request("s-2", "0.0051", first.Residue, null));

        Assert.Equal([("income/labels/label-1", "-0.01"), ("fund", "0.00"), ("member/m-ana", "0.01"),
            ("member/m-bo", "0.00"), ("member/m-cy", "0.00")], Lines(second));
        Assert.Equal(0m, second.Residue.Value);
    }

    // Proves each posting names the statement's allocation key, the policy version and the percentage applied.
    [Fact]
    public void Postings_explain_themselves()
    {
        var d = RoyaltyDistributor.Distribute(Request("s-9", "10.00", PreciseAmount.Zero(Currency.Eur), null));

        var ana = d.Transaction!.Postings.Single(p => p.Account == AccountId.Member("m-ana"));
        Assert.Equal((PostingRule.SplitSheetShare, 50m, "s-9/NLA1D2400001", "standard", 3),
            (ana.Explanation.Rule, ana.Explanation.Percentage, ana.Explanation.AllocationKey, ana.Explanation.PolicyName,
                ana.Explanation.PolicyVersion));
        var fund = d.Transaction.Postings.Single(p => p.Account == AccountId.Fund);
        Assert.Equal((PostingRule.FundContribution, 3m), (fund.Explanation.Rule, fund.Explanation.Percentage));
    }

    // Proves a recoupable balance in another currency than the statement is CurrencyMismatch on "recoupable.balance".
    [Fact]
    public void Recoupable_in_another_currency_is_refused()
    {
        var yen = RecoupableBalance.Create(new Money(10_000, Currency.Of("JPY")), 0.5m, "label-1");

        DomainAssert.Fails(DomainErrorCode.CurrencyMismatch, "recoupable.balance",
            () => RoyaltyDistributor.Distribute(Request("s-1", "10.00", PreciseAmount.Zero(Currency.Eur), yen)));
    }

    // Proves a carried residue in another currency than the statement is CurrencyMismatch.
    [Fact]
    public void Residue_in_another_currency_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.CurrencyMismatch, "currency",
            () => RoyaltyDistributor.Distribute(Request("s-1", "10.00", PreciseAmount.Zero(Currency.Of("BHD")), null)));
    }
}
