using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Gigs;

/// <summary>Checks a settlement request before any money moves, naming every offending field.</summary>
public static class GigSettlementValidator
{
    /// <summary>Most performers in one line-up.</summary>
    public const int LineupMax = 100;

    /// <summary>Most expenses on one gig.</summary>
    public const int ExpensesMax = 500;

    /// <summary>Every problem with <paramref name="request"/>; empty when it can be settled.</summary>
    public static IReadOnlyList<DomainError> Validate(GigSettlementRequest request)
    {
        var errors = new List<DomainError>();
        var currency = request.Fee.Currency;
        if (request.Fee.IsNegative) errors.Add(new(DomainErrorCode.NegativeAmount, "fee", "a fee cannot be negative"));
        CheckLineup(request, errors);
        if (request.Expenses.Count > ExpensesMax)
        {
            errors.Add(new(DomainErrorCode.LimitExceeded, "expenses", $"at most {ExpensesMax} expenses"));
        }
        var expenseIds = new HashSet<string>(StringComparer.Ordinal);
        var expenseTotal = Int128.Zero;
        for (var i = 0; i < request.Expenses.Count; i++)
        {
            var expense = request.Expenses[i];
            var field = $"expenses[{i}]";
            if (!expenseIds.Add(expense.ExpenseId))
            {
                errors.Add(new(DomainErrorCode.Duplicate, $"{field}.expense_id", $"expense '{expense.ExpenseId}' appears twice"));
            }
            if (string.IsNullOrWhiteSpace(expense.PaidBy))
            {
                errors.Add(new(DomainErrorCode.Required, $"{field}.paid_by", "name who paid the expense"));
            }
            if (expense.Amount.Currency != currency)
            {
                errors.Add(new(DomainErrorCode.CurrencyMismatch, $"{field}.amount",
                    $"the expense is in {expense.Amount.Currency.Code} but the fee is in {currency.Code}"));
            }
            else if (expense.Amount.IsNegative)
            {
                errors.Add(new(DomainErrorCode.NegativeAmount, $"{field}.amount", "an expense cannot be negative"));
            }
            else
            {
                expenseTotal += expense.Amount.MinorUnits;
            }
        }
        // The waterfall adds claims up in whole minor units (a long): a total beyond that cannot be settled exactly.
        if (expenseTotal > long.MaxValue)
        {
            errors.Add(new(DomainErrorCode.AmountOutOfRange, "expenses", "the expenses add up to more than can be settled"));
        }
        return errors;
    }

    private static void CheckLineup(GigSettlementRequest request, List<DomainError> errors)
    {
        var lineup = request.Lineup;
        if (lineup.Count == 0) errors.Add(new(DomainErrorCode.Required, "lineup", "a settled gig needs a line-up"));
        if (lineup.Count > LineupMax) errors.Add(new(DomainErrorCode.LimitExceeded, "lineup", $"at most {LineupMax} performers"));
        var payees = new HashSet<string>(StringComparer.Ordinal);
        var sharing = 0;
        var fixedFeeTotal = Int128.Zero;
        for (var i = 0; i < lineup.Count; i++)
        {
            var entry = lineup[i];
            var field = $"lineup[{i}]";
            if (string.IsNullOrWhiteSpace(entry.PayeeId))
            {
                errors.Add(new(DomainErrorCode.Required, $"{field}.payee_id", "each performer needs an id"));
            }
            else if (!payees.Add(entry.PayeeId))
            {
                errors.Add(new(DomainErrorCode.Duplicate, $"{field}.payee_id", $"'{entry.PayeeId}' is in the line-up twice"));
            }
            if (request.Policy.FixedFeeOf(entry.Role) is { } fee)
            {
                if (fee.Currency != request.Fee.Currency)
                {
                    errors.Add(new(DomainErrorCode.CurrencyMismatch, $"{field}.role",
                        $"the fixed fee for '{entry.Role}' is in {fee.Currency.Code} but the gig is in {request.Fee.Currency.Code}"));
                }
                fixedFeeTotal += fee.MinorUnits;
            }
            else if (request.Policy.WeightOf(entry.Role) is not null)
            {
                sharing++;
            }
            else
            {
                errors.Add(new(DomainErrorCode.UnknownRole, $"{field}.role",
                    $"policy '{request.Policy.Name}' v{request.Policy.Version} has no role '{entry.Role}'"));
            }
        }
        if (fixedFeeTotal > long.MaxValue)
        {
            errors.Add(new(DomainErrorCode.AmountOutOfRange, "lineup", "the line-up's fixed fees add up to more than can be settled"));
        }
        if (lineup.Count > 0 && sharing == 0)
        {
            errors.Add(new(DomainErrorCode.NoSharingPerformer, "lineup",
                "at least one performer must have a weighted role to share what is left"));
        }
    }
}
