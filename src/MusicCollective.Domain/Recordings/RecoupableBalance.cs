using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Recordings;

/// <summary>
/// What a recording still owes back (an advance, studio costs), the fraction of net royalty income withheld toward it
/// until it is repaid, and who is repaid. <see cref="Remaining"/> never goes below zero.
/// </summary>
public sealed record RecoupableBalance
{
    private RecoupableBalance(Money remaining, decimal rate, string beneficiaryId)
    {
        Remaining = remaining;
        Rate = rate;
        BeneficiaryId = beneficiaryId;
    }

    /// <summary>What is still to be recouped (≥ 0).</summary>
    public Money Remaining { get; }

    /// <summary>The fraction of net royalty income withheld, in (0, 1] (1 withholds everything until recouped).</summary>
    public decimal Rate { get; }

    /// <summary>Who the withheld money repays (a member id, a label id).</summary>
    public string BeneficiaryId { get; }

    /// <summary>True once everything has been recouped.</summary>
    public bool IsRecouped => Remaining.MinorUnits == 0;

    /// <summary>Validates and builds a recoupable balance.</summary>
    public static RecoupableBalance Create(Money remaining, decimal rate, string beneficiaryId, string field = "recoupable")
    {
        var errors = new List<DomainError>();
        if (remaining.IsNegative) errors.Add(new(DomainErrorCode.NegativeAmount, $"{field}.balance", "a recoupable balance cannot be negative"));
        if (rate <= 0m || rate > 1m)
        {
            errors.Add(new(DomainErrorCode.RateOutOfRange, $"{field}.rate", "a recoupment rate must be above 0% and at most 100%"));
        }
        else if (decimal.Round(rate, SplitSheet.PercentageDecimalPlacesMax) != rate)
        {
            errors.Add(new(DomainErrorCode.TooManyDecimals, $"{field}.rate",
                $"a rate may have at most {SplitSheet.PercentageDecimalPlacesMax} decimal places"));
        }
        if (string.IsNullOrWhiteSpace(beneficiaryId))
        {
            errors.Add(new(DomainErrorCode.Required, $"{field}.beneficiary_id", "name who is repaid"));
        }
        DomainException.ThrowIfAny(errors);
        return new RecoupableBalance(remaining, rate, beneficiaryId);
    }

    /// <summary>The balance after <paramref name="recouped"/> more has been withheld.</summary>
    public RecoupableBalance After(Money recouped)
    {
        Invariant.Check(recouped <= Remaining && !recouped.IsNegative, "recoupment never exceeds what is recoupable");
        return new RecoupableBalance(Remaining - recouped, Rate, BeneficiaryId);
    }
}
