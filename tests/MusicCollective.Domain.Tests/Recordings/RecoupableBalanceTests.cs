using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Recordings;

namespace MusicCollective.Domain.Tests.Recordings;

public sealed class RecoupableBalanceTests
{
    // Proves a valid balance is built, and After reduces what remains until it is recouped.
    [Fact]
    public void Balance_reduces_until_recouped()
    {
        var balance = RecoupableBalance.Create(Money.Parse("500.00", Currency.Eur), 0.5m, "label-1");

        var after = balance.After(Money.Parse("485.00", Currency.Eur));

        Assert.Equal(Money.Parse("15.00", Currency.Eur), after.Remaining);
        Assert.False(after.IsRecouped);
        Assert.True(after.After(Money.Parse("15.00", Currency.Eur)).IsRecouped);
        Assert.Equal(0.5m, after.Rate);
        Assert.Equal("label-1", after.BeneficiaryId);
    }

    // Proves recouping more than remains, or a negative amount, is a bug caught by an invariant.
    [Fact]
    public void Recouping_more_than_remains_fails_an_invariant()
    {
        var balance = RecoupableBalance.Create(new Money(100, Currency.Eur), 1m, "label-1");

        Assert.Throws<InvariantViolationException>(() => balance.After(new Money(101, Currency.Eur)));
        Assert.Throws<InvariantViolationException>(() => balance.After(new Money(-1, Currency.Eur)));
    }

    // Proves a negative balance is NegativeAmount on "recoupable.balance".
    [Fact]
    public void Negative_balance_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.NegativeAmount, "recoupable.balance",
            () => RecoupableBalance.Create(new Money(-1, Currency.Eur), 0.5m, "label-1"));
    }

    // Proves a recoupment rate outside (0, 1] is RateOutOfRange on "recoupable.rate"; 100% itself is allowed.
    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("1.000001")]
    [InlineData("1.5")]
    public void Rate_out_of_range_is_refused(string rate)
    {
        var value = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        DomainAssert.Fails(DomainErrorCode.RateOutOfRange, "recoupable.rate",
            () => RecoupableBalance.Create(new Money(1, Currency.Eur), value, "label-1"));
        Assert.Equal(1m, RecoupableBalance.Create(new Money(1, Currency.Eur), 1m, "label-1").Rate);
    }

    // Proves a rate with more than six decimals and a missing beneficiary are each refused by name.
    [Fact]
    public void Rate_precision_and_beneficiary_are_checked()
    {
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "recordings[0].recoupable.rate",
            () => RecoupableBalance.Create(new Money(1, Currency.Eur), 0.1234567m, "label-1", "recordings[0].recoupable"));
        DomainAssert.Fails(DomainErrorCode.Required, "recoupable.beneficiary_id",
            () => RecoupableBalance.Create(new Money(1, Currency.Eur), 0.5m, ""));
    }
}
