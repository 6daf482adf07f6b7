using CsCheck;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;
using MusicCollective.Domain.Royalties;
using static MusicCollective.Domain.Tests.Generators;

namespace MusicCollective.Domain.Tests.Royalties;

/// <summary>
/// Random sequences of royalty statements on one recording — line amounts with up to ten decimals, clawbacks
/// included — carrying residue and the recoupable balance from each statement to the next.
/// </summary>
public sealed class RoyaltyDistributorPropertyTests
{
    // Proves Σ paid (fund + recouped + shares) + final residue = Σ income exactly, |residue| < 1 minor unit, recoupment within bounds.
    [Fact]
    public void No_fraction_of_a_cent_is_lost_across_statements()
    {
        long clawbacks = 0, recoupments = 0, fullyRecouped = 0, subMinorStatements = 0;

        RoyaltyCases.Sample(c =>
        {
            var currency = c.Currency;
            var minorUnit = 1m / currency.MinorUnitsPerMajor;
            var residue = PreciseAmount.Zero(currency);
            var recoupable = c.Recoupable;
            var totalIncome = 0m;
            var totalPaidMinorUnits = 0L;
            var totalRecouped = 0L;

            for (var s = 0; s < c.Statements.Length; s++)
            {
                var lines = c.Statements[s].Select(v => PreciseAmount.Of(v, currency))
                    .Aggregate(PreciseAmount.Zero(currency), (sum, line) => sum + line);
                totalIncome += c.Statements[s].Sum();
                var request = new RoyaltyDistributionRequest("rec-1", "label-1", $"stmt-{s}/NLA1D2400001", $"tx-{s}",
                    lines, residue, c.Policy, c.SplitSheet, recoupable);

                var d = RoyaltyDistributor.Distribute(request);

                // This statement: lines + carried residue = whole income + new residue, exactly; the residue is below one minor unit.
                Assert.Equal(lines.Value + residue.Value, d.Income.ToDecimal() + d.Residue.Value);
                if (Math.Abs(d.Residue.Value) >= minorUnit) Assert.Fail($"residue {d.Residue} is not below one minor unit");
                Assert.Equal(d.Income, d.Fund + d.Recouped + d.Shares);
                // Recoupment: never negative, never more than remains, never on a clawback; the balance goes down by it exactly.
                Assert.False(d.Recouped.IsNegative);
                Assert.True(recoupable is not null || d.Recouped.MinorUnits == 0);
                if (recoupable is not null)
                {
                    if (d.Recouped > recoupable.Remaining) Assert.Fail($"recouped {d.Recouped} of {recoupable.Remaining}");
                    Assert.Equal(recoupable.Remaining - d.Recouped, d.Recoupable!.Remaining);
                    Assert.False(d.Recoupable.Remaining.IsNegative);
                }
                if (d.Income.IsNegative)
                {
                    Assert.Equal(0L, d.Recouped.MinorUnits);
                    Interlocked.Increment(ref clawbacks);
                }
                // The fund and the members move with the income's sign: nobody is paid on a clawback, nobody pays on income.
                Assert.True(d.Fund.MinorUnits * Math.Sign(d.Income.MinorUnits) >= 0);
                Assert.True(d.Shares.MinorUnits * Math.Sign(d.Income.MinorUnits) >= 0);
                AssertLedger(request, d);

                if (d.Recouped.MinorUnits > 0) Interlocked.Increment(ref recoupments);
                if (d.Transaction is null) Interlocked.Increment(ref subMinorStatements);
                totalPaidMinorUnits += (d.Fund + d.Recouped + d.Shares).MinorUnits;
                totalRecouped += d.Recouped.MinorUnits;
                residue = d.Residue;
                recoupable = d.Recoupable;
            }

            // The whole sequence: Σ paid (whole units) + final residue = Σ income, exactly.
            Assert.Equal(totalIncome, totalPaidMinorUnits * minorUnit + residue.Value);
            if (c.Recoupable is not null)
            {
                if (totalRecouped > c.Recoupable.Remaining.MinorUnits) Assert.Fail($"recouped {totalRecouped} of {c.Recoupable.Remaining}");
                Assert.Equal(c.Recoupable.Remaining.MinorUnits - totalRecouped, recoupable!.Remaining.MinorUnits);
                if (recoupable.IsRecouped && totalRecouped > 0) Interlocked.Increment(ref fullyRecouped);
            }
        }, iter: PropertyIterations);

        // The generator must reach clawbacks, recoupment, full recoupment and sub-cent statements, not just the easy case.
        Assert.True(clawbacks > PropertyIterations / 10, $"only {clawbacks} clawback statements");
        Assert.True(recoupments > PropertyIterations / 10, $"only {recoupments} statements recouped anything");
        Assert.True(fullyRecouped > PropertyIterations / 100, $"only {fullyRecouped} balances were fully recouped");
        Assert.True(subMinorStatements > PropertyIterations / 100, $"only {subMinorStatements} statements were below one minor unit");
    }

    // Proves the fund contribution is within one minor unit of income × royalty fund rate (it is allocated, not rounded ad hoc).
    [Fact]
    public void Fund_is_within_one_minor_unit_of_its_exact_share()
    {
        var cases = Gen.Select(Currencies, FundRates, SplitSheets, RoyaltyLines.Array[1, 4]);
        cases.Sample((currency, fundRate, sheet, lineAmounts) =>
        {
            var policy = SplitPolicy.Create("royalty", 1, new DateOnly(2024, 1, 1), 0m, fundRate, [new RoleWeight("member", 1m)]);
            var lines = lineAmounts.Select(v => PreciseAmount.Of(v, currency))
                .Aggregate(PreciseAmount.Zero(currency), (sum, line) => sum + line);
            var request = new RoyaltyDistributionRequest("rec-1", "label-1", "stmt-0/NLA1D2400001", "tx-0",
                lines, PreciseAmount.Zero(currency), policy, sheet, null);

            var d = RoyaltyDistributor.Distribute(request);

            var exact = d.Income.MinorUnits * fundRate;
            if (Math.Abs(d.Fund.MinorUnits - exact) >= 1m) Assert.Fail($"fund {d.Fund.MinorUnits} for exact {exact}");
        }, iter: PropertyIterations);
    }

    private static void AssertLedger(RoyaltyDistributionRequest request, RoyaltyDistribution d)
    {
        if (d.Transaction is null)
        {
            Assert.Equal(0L, d.Income.MinorUnits);
            return;
        }
        var postings = d.Transaction.Postings;
        Assert.Equal(0L, postings.Sum(p => p.Amount.MinorUnits));
        Assert.Equal((AccountId.IncomeLabel(request.LabelId), -d.Income), (postings[0].Account, postings[0].Amount));
        Assert.Equal(d.Fund.MinorUnits, postings.Where(p => p.Account == AccountId.Fund).Sum(p => p.Amount.MinorUnits));
        Assert.Equal(d.Recouped.MinorUnits,
            postings.Where(p => p.Account == AccountId.Recoup(request.RecordingId)).Sum(p => p.Amount.MinorUnits));
        Assert.Equal(d.Shares.MinorUnits,
            postings.Where(p => p.Explanation.Rule == PostingRule.SplitSheetShare).Sum(p => p.Amount.MinorUnits));
    }
}
