using MusicCollective.Domain.Allocation;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Gigs;

/// <summary>
/// Settles a received gig fee G, in this order (DOMAIN.md, gig settlement waterfall):
/// 1. co-op fund: G × fund rate, rounded half-to-even to a minor unit;
/// 2. accepted expenses reimbursed in full; if what is left cannot cover them, it is allocated among the claimants
///    pro rata to their claims and nothing goes further down;
/// 3. fixed fees in full; if what is left cannot cover them, pro rata, and nothing goes further down;
/// 4. the remainder among the performers with weighted roles, by role weight.
/// The result is one balanced transaction: income/gigs gives G; fund, reimbursements, fixed fees and shares sum to G.
/// </summary>
public static class GigWaterfall
{
    /// <summary>Runs the waterfall; throws <see cref="DomainException"/> for a request that cannot be settled.</summary>
    public static GigSettlement Settle(GigSettlementRequest request)
    {
        DomainException.ThrowIfAny(GigSettlementValidator.Validate(request));
        var policy = request.Policy;
        var fee = request.Fee;
        var currency = fee.Currency;
        var postings = new List<Posting>
        {
            new(AccountId.IncomeGigs, -fee, Explain(request, PostingRule.GigIncome, $"Gig fee received: {fee}")),
        };

        var fund = new Money(RoundHalfEven(fee.MinorUnits * policy.GigFundRate), currency);
        postings.Add(new(AccountId.Fund, fund, Explain(request, PostingRule.FundContribution,
            $"Co-op fund: {Percent(policy.GigFundRate)}% of the {fee} fee", percentage: policy.GigFundRate * 100m)));
        var left = fee.MinorUnits - fund.MinorUnits;

        var expenseClaims = ClaimsByPayee(request.Expenses.Select(e => (e.PaidBy, e.Amount.MinorUnits)));
        var reimbursements = PayClaims(request, expenseClaims, ref left, PostingRule.ExpenseReimbursement, "expenses",
            (payee, full) => full ? $"Expenses you paid, reimbursed in full ({ExpenseList(request, payee)})"
                                  : $"Expenses you paid, reimbursed pro rata: the fee could not cover all expenses ({ExpenseList(request, payee)})",
            postings);

        var fixedFees = Money.Zero(currency);
        var shares = Money.Zero(currency);
        if (!reimbursements.ShortPaid)
        {
            var feeClaims = ClaimsByPayee(request.Lineup
                .Where(e => policy.FixedFeeOf(e.Role) is not null)
                .Select(e => (e.PayeeId, policy.FixedFeeOf(e.Role)!.Value.MinorUnits)));
            var fixedOutcome = PayClaims(request, feeClaims, ref left, PostingRule.FixedFee, "fixed-fees",
                (payee, full) => full ? $"Fixed fee for role {RoleOf(request, payee)}"
                                      : $"Fixed fee for role {RoleOf(request, payee)}, pro rata: the fee could not cover all fixed fees",
                postings);
            fixedFees = new Money(fixedOutcome.Paid, currency);
            if (!fixedOutcome.ShortPaid) shares = new Money(ShareRemainder(request, left, postings), currency);
        }

        var transaction = LedgerTransaction.Create(request.TransactionId, postings);
        var settlement = new GigSettlement(transaction, fund, new Money(reimbursements.Paid, currency), fixedFees, shares);
        Invariant.Check(fund + settlement.Reimbursements + fixedFees + shares == fee,
            "fund + reimbursements + fixed fees + shares = fee");
        return settlement;
    }

    // Pays every claim in full when `left` covers them, else allocates `left` pro rata to the claims.
    private static ClaimOutcome PayClaims(GigSettlementRequest request, IReadOnlyList<(string Payee, long Claim)> claims,
        ref long left, PostingRule rule, string keySuffix, Func<string, bool, string> describe, List<Posting> postings)
    {
        var total = claims.Aggregate(0L, (sum, c) => checked(sum + c.Claim));
        if (total == 0) return new ClaimOutcome(0, ShortPaid: false);
        var allocationKey = $"{request.GigId}/{keySuffix}";
        var full = total <= left;
        var paid = full ? claims.Select(c => c.Claim).ToArray() : AllocateProRata(left, claims, allocationKey);
        for (var i = 0; i < claims.Count; i++)
        {
            var (payee, claim) = claims[i];
            postings.Add(new(AccountId.Member(payee), new Money(paid[i], request.Fee.Currency),
                Explain(request, rule, describe(payee, full), weight: claim, allocationKey: full ? null : allocationKey)));
        }
        var paidTotal = full ? total : left;
        left -= paidTotal;
        return new ClaimOutcome(paidTotal, ShortPaid: !full);
    }

    private static long[] AllocateProRata(long amount, IReadOnlyList<(string Payee, long Claim)> claims, string key)
    {
        // Zero claims get nothing; the allocator takes only positive weights.
        var positive = claims.Select((c, i) => (c, i)).Where(x => x.c.Claim > 0).ToArray();
        var parts = Allocator.Allocate(amount, positive.Select(x => x.c.Claim).ToArray(),
            positive.Select(x => x.c.Payee).ToArray(), key);
        var paid = new long[claims.Count];
        for (var k = 0; k < positive.Length; k++) paid[positive[k].i] = parts[k];
        return paid;
    }

    private static long ShareRemainder(GigSettlementRequest request, long left, List<Posting> postings)
    {
        var policy = request.Policy;
        var sharing = request.Lineup.Where(e => policy.FixedFeeOf(e.Role) is null).ToArray();
        var weights = sharing.Select(e => policy.WeightOf(e.Role)!.Value).ToArray();
        var parts = Allocator.Allocate(left, weights, sharing.Select(e => e.PayeeId).ToArray(), request.GigId);
        var totalWeight = weights.Sum();
        var pool = new Money(left, request.Fee.Currency);
        for (var i = 0; i < sharing.Length; i++)
        {
            var description = $"Share of {pool} left after fund, expenses and fixed fees: role {sharing[i].Role}, " +
                              $"weight {DecimalFormat.Plain(weights[i])} of {DecimalFormat.Plain(totalWeight)}";
            postings.Add(new(AccountId.Member(sharing[i].PayeeId), new Money(parts[i], request.Fee.Currency),
                Explain(request, PostingRule.LineupShare, description, role: sharing[i].Role, weight: weights[i],
                    allocationKey: request.GigId)));
        }
        return left;
    }

    private static IReadOnlyList<(string Payee, long Claim)> ClaimsByPayee(IEnumerable<(string Payee, long Claim)> claims) =>
        claims.GroupBy(c => c.Payee, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Aggregate(0L, (sum, c) => checked(sum + c.Claim))))
            .ToArray();

    /// <summary>Rounds a non-negative exact product half-to-even to a whole minor unit (the fund rule).</summary>
    internal static long RoundHalfEven(decimal exact) => (long)decimal.Round(exact, 0, MidpointRounding.ToEven);

    private static PostingExplanation Explain(GigSettlementRequest request, PostingRule rule, string description,
        string? role = null, decimal? weight = null, decimal? percentage = null, string? allocationKey = null) =>
        new(rule, description, request.Policy.Name, request.Policy.Version, role, weight, percentage, allocationKey);

    private static string ExpenseList(GigSettlementRequest request, string payee) =>
        string.Join(", ", request.Expenses.Where(e => e.PaidBy == payee)
            .Select(e => $"{e.Description} {e.Amount.ToDecimalString()}, receipt {e.ReceiptReference}"));

    private static string RoleOf(GigSettlementRequest request, string payee) =>
        request.Lineup.First(e => e.PayeeId == payee).Role;

    private static string Percent(decimal rate) => DecimalFormat.Plain(rate * 100m);


    private readonly record struct ClaimOutcome(long Paid, bool ShortPaid);
}
