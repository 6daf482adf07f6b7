using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Tests.Monetary;

public sealed class MoneyArithmeticTests
{
    private static readonly Currency Jpy = Currency.Of("JPY");

    // Proves addition, subtraction, negation and comparison work in whole minor units of one currency.
    [Fact]
    public void Same_currency_arithmetic_is_exact()
    {
        var a = new Money(1_230, Currency.Eur);
        var b = new Money(-5, Currency.Eur);

        Assert.Equal(new Money(1_225, Currency.Eur), a + b);
        Assert.Equal(new Money(1_235, Currency.Eur), a - b);
        Assert.Equal(new Money(-1_230, Currency.Eur), -a);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a >= new Money(1_230, Currency.Eur));
        Assert.True(b <= a);
        Assert.Equal(b, Money.Min(a, b));
        Assert.True(b.IsNegative);
        Assert.Equal(Money.Zero(Currency.Eur), a - a);
    }

    // Proves Money + Money in different currencies is CurrencyMismatch on "currency", never a silent mix.
    [Fact]
    public void Adding_different_currencies_is_refused()
    {
        var eur = new Money(100, Currency.Eur);
        var jpy = new Money(100, Jpy);

        DomainAssert.Fails(DomainErrorCode.CurrencyMismatch, "currency", () => eur + jpy);
        DomainAssert.Fails(DomainErrorCode.CurrencyMismatch, "currency", () => eur - jpy);
        DomainAssert.Fails(DomainErrorCode.CurrencyMismatch, "currency", () => eur < jpy);
        DomainAssert.Fails(DomainErrorCode.CurrencyMismatch, "currency", () => Money.Min(eur, jpy));
    }

    // Proves the mismatch check reports the caller's field.
    [Fact]
    public void Currency_mismatch_names_the_callers_field()
    {
        DomainAssert.Fails(DomainErrorCode.CurrencyMismatch, "expenses[0].amount",
            () => Money.EnsureSameCurrency(new Money(1, Currency.Eur), new Money(1, Jpy), "expenses[0].amount"));
    }

    // Proves overflow throws instead of wrapping around.
    [Fact]
    public void Overflow_throws()
    {
        var max = new Money(long.MaxValue, Currency.Eur);
        var one = new Money(1, Currency.Eur);

        Assert.Throws<OverflowException>(() => max + one);
        Assert.Throws<OverflowException>(() => -max - one - one);
        Assert.Throws<OverflowException>(() => -new Money(long.MinValue, Currency.Eur));
    }

    // Proves equality is by currency and minor units.
    [Fact]
    public void Equality_is_by_currency_and_amount()
    {
        Assert.Equal(new Money(100, Currency.Eur), new Money(100, Currency.Of("EUR")));
        Assert.NotEqual(new Money(100, Currency.Eur), new Money(100, Jpy));
        Assert.NotEqual(new Money(100, Currency.Eur), new Money(101, Currency.Eur));
    }
}
