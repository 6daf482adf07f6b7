using System.Globalization;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Monetary;

/// <summary>
/// An exact amount with up to <see cref="DecimalPlacesMax"/> decimal places in major units, for royalty lines (a
/// stream pays fractions of a cent). Sums are exact (decimal arithmetic, overflow throws). It becomes money only
/// through <see cref="SplitWhole"/>, which keeps the sub-minor-unit rest as residue instead of rounding it away.
/// </summary>
public readonly record struct PreciseAmount
{
    /// <summary>Decimal places a royalty amount may carry.</summary>
    public const int DecimalPlacesMax = 10;

    private PreciseAmount(decimal value, Currency currency)
    {
        Value = value;
        Currency = currency;
    }

    /// <summary>The amount in major units.</summary>
    public decimal Value { get; }

    /// <summary>The amount's currency.</summary>
    public Currency Currency { get; }

    /// <summary>Zero of <paramref name="currency"/>.</summary>
    public static PreciseAmount Zero(Currency currency) => new(0m, currency);

    /// <summary>Parses "0.0034125" style text; more than ten significant decimal places is <see cref="DomainErrorCode.TooManyDecimals"/>.</summary>
    public static PreciseAmount Parse(string text, Currency currency, string field = "amount") =>
        Of(DecimalText.Parse(text, field), currency, field);

    /// <summary>Wraps an exact decimal; rejects more than ten significant decimal places.</summary>
    public static PreciseAmount Of(decimal value, Currency currency, string field = "amount")
    {
        ArgumentNullException.ThrowIfNull(currency);
        var scaled = decimal.Round(value, DecimalPlacesMax, MidpointRounding.ToZero);
        if (scaled != value)
        {
            throw new DomainException(DomainErrorCode.TooManyDecimals, field,
                $"royalty amounts allow at most {DecimalPlacesMax} decimal places");
        }
        return new PreciseAmount(value, currency);
    }

    /// <summary>A whole-money amount as a precise one.</summary>
    public static PreciseAmount FromMoney(Money money) => new(money.ToDecimal(), money.Currency);

    /// <summary>Exact sum; currencies must match.</summary>
    public static PreciseAmount operator +(PreciseAmount left, PreciseAmount right)
    {
        EnsureSameCurrency(left, right);
        decimal sum;
        try
        {
            sum = left.Value + right.Value;
        }
        catch (OverflowException)
        {
            throw SumTooLarge();
        }
        // Past 28–29 significant digits decimal addition rounds (dropping decimal places) instead of failing; a rounded
        // sum is not exact, so refuse it.
        if (sum.Scale < Math.Max(left.Value.Scale, right.Value.Scale)) throw SumTooLarge();
        return new PreciseAmount(sum, left.Currency);
    }

    private static DomainException SumTooLarge() =>
        new(DomainErrorCode.AmountOutOfRange, "amount", "sum is too large to keep exactly");

    /// <summary>Exact difference; currencies must match.</summary>
    public static PreciseAmount operator -(PreciseAmount left, PreciseAmount right) =>
        left + new PreciseAmount(-right.Value, right.Currency);

    /// <summary>
    /// Splits into whole minor units and a residue below one minor unit, truncating toward zero so the residue has
    /// the amount's sign: 12.3456 EUR → (12.34 EUR, 0.0056); −0.057 EUR → (−0.05 EUR, −0.007).
    /// whole + residue == this, exactly.
    /// </summary>
    public (Money Whole, PreciseAmount Residue) SplitWhole()
    {
        decimal minorUnits;
        try
        {
            minorUnits = decimal.Truncate(Value * Currency.MinorUnitsPerMajor);
        }
        catch (OverflowException)
        {
            throw new DomainException(DomainErrorCode.AmountOutOfRange, "amount", "amount is too large");
        }
        if (minorUnits > long.MaxValue || minorUnits < long.MinValue)
        {
            throw new DomainException(DomainErrorCode.AmountOutOfRange, "amount", "amount is too large");
        }
        var whole = new Money((long)minorUnits, Currency);
        return (whole, new PreciseAmount(Value - whole.ToDecimal(), Currency));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Value.ToString(CultureInfo.InvariantCulture)} {Currency.Code}";

    private static void EnsureSameCurrency(PreciseAmount left, PreciseAmount right)
    {
        if (left.Currency != right.Currency)
        {
            throw new DomainException(DomainErrorCode.CurrencyMismatch, "currency",
                $"cannot combine {left.Currency.Code} with {right.Currency.Code}");
        }
    }
}
