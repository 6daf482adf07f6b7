using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Gigs;

/// <summary>Validation of the parts of a gig a caller supplies: line-up, expense, dates and fees.</summary>
public static class GigRules
{
    /// <summary>Earliest gig date accepted.</summary>
    public static readonly DateOnly DateMin = new(2000, 1, 1);

    /// <summary>Latest gig date accepted.</summary>
    public static readonly DateOnly DateMax = new(2100, 12, 31);

    /// <summary>Checks a line-up's shape: ids, roles, no one twice, at most <see cref="GigSettlementValidator.LineupMax"/>.</summary>
    public static void CheckLineup(IReadOnlyList<LineupEntryData> lineup, List<DomainError> errors)
    {
        if (lineup.Count > GigSettlementValidator.LineupMax)
        {
            errors.Add(new(DomainErrorCode.LimitExceeded, "lineup", $"at most {GigSettlementValidator.LineupMax} performers"));
            return;
        }
        var payees = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lineup.Count; i++)
        {
            EntityIds.Check(lineup[i].PayeeId, $"lineup[{i}].payee_id", errors);
            TextRules.Check(lineup[i].Role, $"lineup[{i}].role", EntityIds.LengthMax, errors);
            if (!string.IsNullOrEmpty(lineup[i].PayeeId) && !payees.Add(lineup[i].PayeeId))
            {
                errors.Add(new(DomainErrorCode.Duplicate, $"lineup[{i}].payee_id", $"'{lineup[i].PayeeId}' is in the line-up twice"));
            }
        }
    }

    /// <summary>Checks a gig date is within the accepted range.</summary>
    public static void CheckDate(DateOnly date, string field, List<DomainError> errors)
    {
        if (date < DateMin || date > DateMax)
        {
            errors.Add(new(DomainErrorCode.OutOfRange, field, $"{field} must be between {DateMin:yyyy-MM-dd} and {DateMax:yyyy-MM-dd}"));
        }
    }

    /// <summary>Checks a fee: not negative, in the gig's currency.</summary>
    public static void CheckFee(MoneyData fee, Currency gigCurrency, string field, List<DomainError> errors)
    {
        if (fee.Currency != gigCurrency.Code)
        {
            errors.Add(new(DomainErrorCode.CurrencyMismatch, $"{field}.currency_code",
                $"the gig is in {gigCurrency.Code}, not {fee.Currency}"));
        }
        if (fee.MinorUnits < 0) errors.Add(new(DomainErrorCode.NegativeAmount, field, $"{field} cannot be negative"));
    }

    /// <summary>Checks an expense: ids, texts, a non-negative amount in the gig's currency.</summary>
    public static void CheckExpense(ExpenseData expense, Currency gigCurrency, List<DomainError> errors)
    {
        EntityIds.Check(expense.ExpenseId, "expense.expense_id", errors);
        EntityIds.Check(expense.PaidBy, "expense.paid_by", errors);
        TextRules.Check(expense.Description, "expense.description", GigState.TextLengthMax, errors);
        TextRules.Check(expense.ReceiptReference, "expense.receipt_reference", GigState.TextLengthMax, errors);
        CheckFee(expense.Amount, gigCurrency, "expense.amount", errors);
    }
}
