using MusicCollective.Domain.Allocation;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Recordings;

namespace MusicCollective.Domain.Royalties;

/// <summary>
/// Divides a recording's royalties (DOMAIN.md, recordings and royalties): Σ lines + carried residue, truncated toward
/// zero to whole minor units (the rest is carried as residue, so no fraction of a cent is lost), then the fund
/// contribution, then recoupment, then the split sheet, each in whole minor units by allocation.
/// A negative total (a clawback) is divided the same way with the signs reversed: fund and members give back in the
/// same proportions. Recoupment is never reversed by a clawback: what was recouped stays repaid.
/// </summary>
public static class RoyaltyDistributor
{
    /// <summary>Distributes one recording's royalties from one statement.</summary>
    public static RoyaltyDistribution Distribute(RoyaltyDistributionRequest request)
    {
        var currency = request.LinesTotal.Currency;
        if (request.Recoupable is { } recoupable && recoupable.Remaining.Currency != currency)
        {
            throw new DomainException(DomainErrorCode.CurrencyMismatch, "recoupable.balance",
                $"the recoupable balance is in {recoupable.Remaining.Currency.Code} but the statement is in {currency.Code}");
        }
        var (income, residue) = (request.LinesTotal + request.CarriedResidue).SplitWhole();
        var zero = Money.Zero(currency);
        if (income.MinorUnits == 0)
        {
            return new RoyaltyDistribution(null, income, residue, zero, zero, zero, request.Recoupable);
        }

        var sign = income.IsNegative ? -1 : 1;
        var magnitude = Math.Abs(income.MinorUnits);
        var fundUnits = SplitOff(magnitude, request.Policy.RoyaltyFundRate, $"{request.AllocationKey}/fund");
        var net = magnitude - fundUnits;
        var recoupedUnits = sign > 0 ? Recoup(net, request) : 0;
        var shareable = net - recoupedUnits;

        var postings = new List<Posting>
        {
            new(AccountId.IncomeLabel(request.LabelId), -income,
                Explain(request, PostingRule.RoyaltyIncome, $"Royalties for {request.RecordingId}: {income}")),
            new(AccountId.Fund, new Money(sign * fundUnits, currency),
                Explain(request, PostingRule.FundContribution,
                    $"Co-op fund: {DecimalFormat.Plain(request.Policy.RoyaltyFundRate * 100m)}% of {income} royalties",
                    percentage: request.Policy.RoyaltyFundRate * 100m, allocationKey: $"{request.AllocationKey}/fund")),
        };
        if (recoupedUnits > 0)
        {
            postings.Add(new(AccountId.Recoup(request.RecordingId), new Money(recoupedUnits, currency),
                Explain(request, PostingRule.Recoupment,
                    $"Withheld to recoup {request.Recoupable!.Remaining} owed to {request.Recoupable.BeneficiaryId}",
                    percentage: request.Recoupable.Rate * 100m, allocationKey: $"{request.AllocationKey}/recoup")));
        }
        var sharesTotal = AddSplitSheetShares(request, shareable, sign, postings);

        var transaction = LedgerTransaction.Create(request.TransactionId, postings);
        var recouped = new Money(recoupedUnits, currency);
        var after = recoupedUnits > 0 ? request.Recoupable!.After(recouped) : request.Recoupable;
        var distribution = new RoyaltyDistribution(transaction, income, residue, new Money(sign * fundUnits, currency),
            recouped, new Money(sign * sharesTotal, currency), after);
        Invariant.Check(distribution.Fund + recouped + distribution.Shares == income, "fund + recouped + shares = income");
        return distribution;
    }

    // Splits `rate` of `amount` off by allocation between two parties (rate and 1 − rate), so rounding follows the
    // one allocation rule. Rate 0 takes nothing; rate 1 takes everything.
    private static long SplitOff(long amount, decimal rate, string allocationKey)
    {
        if (rate <= 0m || amount == 0) return 0;
        if (rate >= 1m) return amount;
        ReadOnlySpan<decimal> weights = [rate, 1m - rate];
        ReadOnlySpan<string> parties = ["taken", "left"];
        return Allocator.Allocate(amount, weights, parties, allocationKey)[0];
    }

    private static long Recoup(long net, RoyaltyDistributionRequest request)
    {
        if (request.Recoupable is not { IsRecouped: false } recoupable) return 0;
        var withheld = SplitOff(net, recoupable.Rate, $"{request.AllocationKey}/recoup");
        return Math.Min(withheld, recoupable.Remaining.MinorUnits);
    }

    private static long AddSplitSheetShares(RoyaltyDistributionRequest request, long shareable, int sign,
        List<Posting> postings)
    {
        var shares = request.SplitSheet.Shares;
        var parts = Allocator.Allocate(shareable, shares.Select(s => s.Percentage).ToArray(),
            shares.Select(s => s.PayeeId).ToArray(), request.AllocationKey);
        var currency = request.LinesTotal.Currency;
        var pool = new Money(sign * shareable, currency);
        for (var i = 0; i < shares.Count; i++)
        {
            postings.Add(new(AccountId.Member(shares[i].PayeeId), new Money(sign * parts[i], currency),
                Explain(request, PostingRule.SplitSheetShare,
                    $"Your {DecimalFormat.Plain(shares[i].Percentage)}% of {pool} royalties for {request.RecordingId} after fund and recoupment",
                    percentage: shares[i].Percentage, allocationKey: request.AllocationKey)));
        }
        return shareable;
    }

    private static PostingExplanation Explain(RoyaltyDistributionRequest request, PostingRule rule, string description,
        decimal? percentage = null, string? allocationKey = null) =>
        new(rule, description, request.Policy.Name, request.Policy.Version, Percentage: percentage,
            AllocationKey: allocationKey);

}
