using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Tests.Monetary;

public sealed class MoneyParsingTests
{
    // Proves plain decimal text parses exactly to minor units in EUR, JPY (exponent 0) and BHD (exponent 3).
    [Theory]
    [InlineData("12.30", "EUR", 1_230)]
    [InlineData("12.3", "EUR", 1_230)]
    [InlineData("12.300", "EUR", 1_230)]
    [InlineData("-0.05", "EUR", -5)]
    [InlineData("0", "EUR", 0)]
    [InlineData("1000", "JPY", 1_000)]
    [InlineData("1000.0", "JPY", 1_000)]
    [InlineData("-7", "JPY", -7)]
    [InlineData("1.234", "BHD", 1_234)]
    [InlineData("0.005", "BHD", 5)]
    [InlineData("10", "BHD", 10_000)]
    [InlineData("92233720368547758.07", "EUR", long.MaxValue)]
    public void Parses_exactly(string text, string code, long minorUnits)
    {
        var money = Money.Parse(text, Currency.Of(code));

        Assert.Equal(minorUnits, money.MinorUnits);
        Assert.Same(Currency.Of(code), money.Currency);
    }

    // Proves a digit beyond the currency's exponent is TooManyDecimals, never rounded ("12.305" EUR, "1.5" JPY, "1.2345" BHD).
    [Theory]
    [InlineData("12.305", "EUR")]
    [InlineData("0.001", "EUR")]
    [InlineData("1.5", "JPY")]
    [InlineData("0.1", "JPY")]
    [InlineData("1.2345", "BHD")]
    public void More_decimals_than_the_currency_allows_are_refused(string text, string code)
    {
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "amount", () => Money.Parse(text, Currency.Of(code)));
    }

    // Proves a non-zero digit beyond decimal's 28 places is refused instead of being silently rounded away by parsing.
    [Theory]
    [InlineData("12.30000000000000000000000000001")]
    [InlineData("0.000000000000000000000000000001")]
    [InlineData("0.00000000000000000000000000001")]
    public void Digits_beyond_decimal_precision_are_refused_not_rounded(string text)
    {
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "amount", () => Money.Parse(text, Currency.Eur));
    }

    // Proves anything but plain decimal text is MalformedAmount, never guessed: exponents, separators, spaces, signs, empty.
    [Theory]
    [InlineData("1e3")]
    [InlineData("1E3")]
    [InlineData("1,000")]
    [InlineData("1,5")]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("+1")]
    [InlineData("--1")]
    [InlineData("-")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("€12")]
    [InlineData("12 EUR")]
    [InlineData("١٢")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData(null)]
    public void Malformed_text_is_refused(string? text)
    {
        DomainAssert.Fails(DomainErrorCode.MalformedAmount, "fee", () => Money.Parse(text!, Currency.Eur, "fee"));
    }

    // Proves text longer than the 40-character limit is malformed even if it is all digits.
    [Fact]
    public void Overlong_text_is_malformed()
    {
        DomainAssert.Fails(DomainErrorCode.MalformedAmount, "amount", () => Money.Parse(new string('1', 41), Currency.Eur));
    }

    // Proves amounts beyond ±long.MaxValue minor units (or beyond decimal) are AmountOutOfRange, not an overflow crash.
    [Theory]
    [InlineData("92233720368547758.08", "EUR")]
    [InlineData("-92233720368547758.09", "EUR")]
    [InlineData("9223372036854775808", "JPY")]
    [InlineData("99999999999999999999999999999999", "EUR")]
    [InlineData("79228162514264337593543950335", "BHD")]
    public void Amounts_beyond_range_are_refused(string text, string code)
    {
        DomainAssert.Fails(DomainErrorCode.AmountOutOfRange, "amount", () => Money.Parse(text, Currency.Of(code)));
    }

    // Proves FromDecimal applies the same exactness rule as parsing.
    [Fact]
    public void FromDecimal_refuses_sub_minor_digits()
    {
        Assert.Equal(1_230, Money.FromDecimal(12.30m, Currency.Eur).MinorUnits);
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "fee", () => Money.FromDecimal(12.305m, Currency.Eur, "fee"));
    }
}
