using System.Globalization;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Monetary;

/// <summary>
/// An exact amount of one currency, held as a whole number of minor units (cents for EUR, yen for JPY, fils for BHD).
/// Range: ±<see cref="long.MaxValue"/> minor units. Arithmetic is checked (overflow throws) and never mixes
/// currencies (<see cref="DomainErrorCode.CurrencyMismatch"/>). There is no division: money is divided only by
/// <see cref="Allocation.Allocator"/>. Equality is by currency and minor units.
/// </summary>
public readonly record struct Money
{
    /// <summary>Creates an amount of <paramref name="minorUnits"/> minor units of <paramref name="currency"/>.</summary>
    public Money(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        MinorUnits = minorUnits;
        Currency = currency;
    }

    /// <summary>The amount in whole minor units.</summary>
    public long MinorUnits { get; }

    /// <summary>The amount's currency.</summary>
    public Currency Currency { get; }

    /// <summary>Zero of <paramref name="currency"/>.</summary>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => MinorUnits < 0;

    /// <summary>The amount as an exact decimal in major units (1230 EUR minor units → 12.30).</summary>
    public decimal ToDecimal() => MinorUnits / (decimal)Currency.MinorUnitsPerMajor;

    /// <summary>
    /// Parses a plain decimal string ("12.30", "-0.05", "1000") in major units, exactly. Trailing zeros are fine
    /// ("12.300" EUR is 12.30), a non-zero digit beyond the currency's exponent is not ("12.305" EUR is
    /// <see cref="DomainErrorCode.TooManyDecimals"/>): nothing is ever rounded here.
    /// </summary>
    public static Money Parse(string text, Currency currency, string field = "amount")
    {
        var value = DecimalText.Parse(text, field);
        return FromDecimal(value, currency, field);
    }

    /// <summary>Converts an exact decimal in major units; rejects digits the currency cannot hold.</summary>
    public static Money FromDecimal(decimal value, Currency currency, string field = "amount")
    {
        ArgumentNullException.ThrowIfNull(currency);
        decimal scaled;
        try
        {
            scaled = value * currency.MinorUnitsPerMajor;
        }
        catch (OverflowException)
        {
            throw OutOfRange(field);
        }
        if (scaled != decimal.Truncate(scaled))
        {
            throw new DomainException(DomainErrorCode.TooManyDecimals, field,
                $"{currency.Code} allows at most {currency.Exponent} decimal places");
        }
        if (scaled > long.MaxValue || scaled < long.MinValue) throw OutOfRange(field);
        return new Money((long)scaled, currency);
    }

    /// <summary>Major units with exactly the currency's decimal places, invariant culture: "12.30", "-0.05", "1000".</summary>
    public string ToDecimalString() =>
        ToDecimal().ToString("F" + Currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => $"{ToDecimalString()} {Currency.Code}";

    /// <summary>Sum of two amounts of the same currency; overflow throws.</summary>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits + right.MinorUnits), left.Currency);
    }

    /// <summary>Difference of two amounts of the same currency; overflow throws.</summary>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits - right.MinorUnits), left.Currency);
    }

    /// <summary>The negated amount.</summary>
    public static Money operator -(Money value) => new(checked(-value.MinorUnits), value.Currency);

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <(Money left, Money right) => Compare(left, right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >(Money left, Money right) => Compare(left, right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <=(Money left, Money right) => Compare(left, right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >=(Money left, Money right) => Compare(left, right) >= 0;

    /// <summary>The smaller of two amounts of the same currency.</summary>
    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>Throws <see cref="DomainErrorCode.CurrencyMismatch"/> unless both amounts share a currency.</summary>
    public static void EnsureSameCurrency(Money left, Money right, string field = "currency")
    {
        if (left.Currency != right.Currency)
        {
            throw new DomainException(DomainErrorCode.CurrencyMismatch, field,
                $"cannot combine {left.Currency.Code} with {right.Currency.Code}");
        }
    }

    private static int Compare(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return left.MinorUnits.CompareTo(right.MinorUnits);
    }

    private static DomainException OutOfRange(string field) =>
        new(DomainErrorCode.AmountOutOfRange, field, "amount is too large");
}
