using CsCheck;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;
using static MusicCollective.Domain.Tests.Generators;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>
/// The gig waterfall on <see cref="PropertyIterations"/> random policies, line-ups and expenses, including expenses
/// larger than the fee and fixed fees larger than what is left.
/// </summary>
public sealed class GigWaterfallPropertyTests
{
    // Proves fund + reimbursements + fixed fees + shares = fee, no part negative, every posting ≥ 0 but the income, balanced.
    [Fact]
    public void Fee_is_divided_exactly_with_no_negative_part()
    {
        long expensesExceedFee = 0, expensesShortPaid = 0, fixedFeesExceedLeft = 0, sharedRemainder = 0;

        GigRequests.Sample(request =>
        {
            var settlement = GigWaterfall.Settle(request);

            var fee = request.Fee;
            Assert.Equal(fee, settlement.Fund + settlement.Reimbursements + settlement.FixedFees + settlement.Shares);
            Assert.False(settlement.Fund.IsNegative || settlement.Reimbursements.IsNegative ||
                         settlement.FixedFees.IsNegative || settlement.Shares.IsNegative, "a step total is negative");

            var postings = settlement.Transaction.Postings;
            Assert.Equal(request.TransactionId, settlement.Transaction.Id);
            Assert.Equal((AccountId.IncomeGigs, -fee, PostingRule.GigIncome),
                (postings[0].Account, postings[0].Amount, postings[0].Explanation.Rule));
            for (var i = 1; i < postings.Count; i++)
            {
                if (postings[i].Amount.IsNegative) Assert.Fail($"negative posting {postings[i]}");
            }
            Assert.True(postings.All(p => p.Amount.Currency == fee.Currency), "a posting in another currency");
            Assert.Equal(0L, postings.Sum(p => p.Amount.MinorUnits));

            // Each step's total is exactly what its postings carry.
            Assert.Equal(settlement.Fund.MinorUnits, SumOf(postings, PostingRule.FundContribution));
            Assert.Equal(settlement.Reimbursements.MinorUnits, SumOf(postings, PostingRule.ExpenseReimbursement));
            Assert.Equal(settlement.FixedFees.MinorUnits, SumOf(postings, PostingRule.FixedFee));
            Assert.Equal(settlement.Shares.MinorUnits, SumOf(postings, PostingRule.LineupShare));

            var expenses = request.Expenses.Sum(e => e.Amount.MinorUnits);
            var fixedFees = request.Lineup.Sum(e => request.Policy.FixedFeeOf(e.Role)?.MinorUnits ?? 0);
            var afterExpenses = fee.MinorUnits - settlement.Fund.MinorUnits - expenses;
            if (expenses > fee.MinorUnits) Interlocked.Increment(ref expensesExceedFee);
            if (afterExpenses < 0) Interlocked.Increment(ref expensesShortPaid);
            else if (fixedFees > afterExpenses) Interlocked.Increment(ref fixedFeesExceedLeft);
            else if (settlement.Shares.MinorUnits > 0) Interlocked.Increment(ref sharedRemainder);
        }, iter: PropertyIterations);

        // The generator must really reach every branch of the waterfall, not just the easy one.
        Assert.True(expensesExceedFee > PropertyIterations / 20, $"expenses exceeded the fee in only {expensesExceedFee} cases");
        Assert.True(expensesShortPaid > PropertyIterations / 20, $"expenses were short-paid in only {expensesShortPaid} cases");
        Assert.True(fixedFeesExceedLeft > PropertyIterations / 50, $"fixed fees exceeded what was left in only {fixedFeesExceedLeft} cases");
        Assert.True(sharedRemainder > PropertyIterations / 20, $"a remainder was shared in only {sharedRemainder} cases");
    }

    // Proves no claimant gets more than claimed, claims are paid in full when covered, and a short-paid step stops the waterfall.
    [Fact]
    public void Claims_are_paid_in_full_or_pro_rata_and_nothing_goes_further_down()
    {
        GigRequests.Sample(request =>
        {
            var settlement = GigWaterfall.Settle(request);

            var postings = settlement.Transaction.Postings;
            var afterFund = request.Fee.MinorUnits - settlement.Fund.MinorUnits;
            var expenseClaims = request.Expenses.GroupBy(e => e.PaidBy, StringComparer.Ordinal)
                .ToDictionary(g => AccountId.Member(g.Key), g => g.Sum(e => e.Amount.MinorUnits));
            var totalExpenses = expenseClaims.Values.Sum();
            var reimbursed = postings.Where(p => p.Explanation.Rule == PostingRule.ExpenseReimbursement)
                .ToDictionary(p => p.Account, p => p.Amount.MinorUnits);
            foreach (var (account, claim) in expenseClaims)
            {
                var paid = reimbursed.GetValueOrDefault(account);
                if (paid > claim) Assert.Fail($"{account} was reimbursed {paid} for a claim of {claim}");
                if (totalExpenses <= afterFund) Assert.Equal(claim, paid);
            }
            if (totalExpenses > afterFund)
            {
                Assert.Equal(afterFund, settlement.Reimbursements.MinorUnits);
                Assert.Equal(0L, settlement.FixedFees.MinorUnits + settlement.Shares.MinorUnits);
                return;
            }

            var afterExpenses = afterFund - totalExpenses;
            var fixedClaims = request.Lineup.Where(e => request.Policy.FixedFeeOf(e.Role) is not null)
                .ToDictionary(e => AccountId.Member(e.PayeeId), e => request.Policy.FixedFeeOf(e.Role)!.Value.MinorUnits);
            var totalFixed = fixedClaims.Values.Sum();
            var fixedPaid = postings.Where(p => p.Explanation.Rule == PostingRule.FixedFee)
                .ToDictionary(p => p.Account, p => p.Amount.MinorUnits);
            foreach (var (account, claim) in fixedClaims)
            {
                var paid = fixedPaid.GetValueOrDefault(account);
                if (paid > claim) Assert.Fail($"{account} got a fixed fee of {paid} for {claim}");
                if (totalFixed <= afterExpenses) Assert.Equal(claim, paid);
            }
            Assert.Equal(Math.Min(totalFixed, afterExpenses), settlement.FixedFees.MinorUnits);
            Assert.Equal(totalFixed <= afterExpenses ? afterExpenses - totalFixed : 0L, settlement.Shares.MinorUnits);
        }, iter: PropertyIterations);
    }

    // Proves the fund is fee × rate rounded half-to-even: within half a minor unit, and exactly half only when the result is even.
    [Fact]
    public void Fund_is_the_fee_times_the_rate_rounded_half_to_even()
    {
        GigRequests.Sample(request =>
        {
            var settlement = GigWaterfall.Settle(request);

            var exact = request.Fee.MinorUnits * request.Policy.GigFundRate;
            var distance = Math.Abs(settlement.Fund.MinorUnits - exact);
            if (!(distance < 0.5m || (distance == 0.5m && settlement.Fund.MinorUnits % 2 == 0)))
            {
                Assert.Fail($"fund {settlement.Fund.MinorUnits} for exact {exact}");
            }
        }, iter: PropertyIterations);
    }

    private static long SumOf(IEnumerable<Posting> postings, PostingRule rule) =>
        postings.Where(p => p.Explanation.Rule == rule).Sum(p => p.Amount.MinorUnits);
}
