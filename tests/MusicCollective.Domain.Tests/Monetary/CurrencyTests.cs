using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Tests.Monetary;

public sealed class CurrencyTests
{
    // Proves active codes resolve with their ISO 4217 minor-unit exponent and minor units per major unit.
    [Theory]
    [InlineData("EUR", 2, 100)]
    [InlineData("JPY", 0, 1)]
    [InlineData("BHD", 3, 1_000)]
    [InlineData("CLF", 4, 10_000)]
    [InlineData("USD", 2, 100)]
    public void Known_codes_have_their_exponent(string code, int exponent, long minorUnitsPerMajor)
    {
        var currency = Currency.Of(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(exponent, currency.Exponent);
        Assert.Equal(minorUnitsPerMajor, currency.MinorUnitsPerMajor);
    }

    // Proves unknown, lower-case, withdrawn and non-monetary codes are refused as UnknownCurrency on the "currency" field.
    [Theory]
    [InlineData("XYZ")]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData(" EUR")]
    [InlineData("HRK")]
    [InlineData("XAU")]
    [InlineData("XTS")]
    public void Unknown_codes_are_refused(string code)
    {
        DomainAssert.Fails(DomainErrorCode.UnknownCurrency, "currency", () => Currency.Of(code));
        Assert.False(Currency.TryOf(code, out _));
    }

    // Proves the caller's field path is the one reported for an unknown currency.
    [Fact]
    public void Unknown_code_names_the_callers_field()
    {
        DomainAssert.Fails(DomainErrorCode.UnknownCurrency, "lines[3].currency", () => Currency.Of("XYZ", "lines[3].currency"));
    }

    // Proves a null code is refused without throwing from TryOf.
    [Fact]
    public void Null_code_is_not_a_currency()
    {
        Assert.False(Currency.TryOf(null, out _));
    }

    // Proves currencies are shared instances: equal exactly when their codes are.
    [Fact]
    public void Same_code_gives_the_same_currency()
    {
        Assert.Same(Currency.Of("EUR"), Currency.Eur);
        Assert.True(Currency.Of("JPY") == Currency.Of("JPY"));
        Assert.True(Currency.Of("JPY") != Currency.Eur);
        Assert.Equal("BHD", Currency.Of("BHD").ToString());
    }
}
