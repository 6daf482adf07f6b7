using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Tests.Monetary;

public sealed class PreciseAmountTests
{
    // Proves royalty amounts keep up to ten decimal places exactly.
    [Theory]
    [InlineData("0.0034125")]
    [InlineData("0.0000000001")]
    [InlineData("-12.3456789012")]
    [InlineData("1.00000000000")]
    [InlineData("123456789012345678")]
    public void Up_to_ten_decimals_are_kept(string text)
    {
        var amount = PreciseAmount.Parse(text, Currency.Eur);

        Assert.Equal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), amount.Value);
    }

    // Proves a royalty amount with more than ten significant decimals is TooManyDecimals naming the field.
    [Theory]
    [InlineData("0.00000000001")]
    [InlineData("1.00000000001")]
    [InlineData("-0.12345678901")]
    [InlineData("0.000000000000000000000000000001")]
    public void More_than_ten_decimals_are_refused(string text)
    {
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "lines[7].amount",
            () => PreciseAmount.Parse(text, Currency.Eur, "lines[7].amount"));
    }

    // Proves Of applies the ten-decimal rule to decimals too.
    [Fact]
    public void Of_refuses_eleven_decimals()
    {
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "amount", () => PreciseAmount.Of(0.00000000001m, Currency.Eur));
    }

    // Proves royalty amounts reject malformed text like money does.
    [Theory]
    [InlineData("1e-3")]
    [InlineData("0,001")]
    [InlineData("")]
    [InlineData(" 0.1")]
    public void Malformed_text_is_refused(string text)
    {
        DomainAssert.Fails(DomainErrorCode.MalformedAmount, "amount", () => PreciseAmount.Parse(text, Currency.Eur));
    }

    // Proves SplitWhole truncates toward zero: whole minor units plus a same-signed residue below one minor unit.
    [Theory]
    [InlineData("12.3456", "EUR", 1_234, "0.0056")]
    [InlineData("-0.057", "EUR", -5, "-0.007")]
    [InlineData("0.0099999999", "EUR", 0, "0.0099999999")]
    [InlineData("1.5", "JPY", 1, "0.5")]
    [InlineData("-2.9999999999", "JPY", -2, "-0.9999999999")]
    [InlineData("1.23456", "BHD", 1_234, "0.00056")]
    [InlineData("7", "EUR", 700, "0")]
    public void SplitWhole_keeps_the_fraction_as_residue(string text, string code, long wholeMinorUnits, string residue)
    {
        var amount = PreciseAmount.Parse(text, Currency.Of(code));

        var (whole, rest) = amount.SplitWhole();

        Assert.Equal(new Money(wholeMinorUnits, Currency.Of(code)), whole);
        Assert.Equal(decimal.Parse(residue, System.Globalization.CultureInfo.InvariantCulture), rest.Value);
        Assert.Equal(amount.Value, whole.ToDecimal() + rest.Value);
    }

    // Proves a sum too large for decimal to keep every decimal place is AmountOutOfRange, not silently rounded (8e18 JPY + 1e-10).
    [Fact]
    public void Sum_that_cannot_be_exact_is_refused()
    {
        var jpy = Currency.Of("JPY");
        var huge = PreciseAmount.Of(8_000_000_000_000_000_000m, jpy);
        var tiny = PreciseAmount.Of(0.0000000001m, jpy);

        DomainAssert.Fails(DomainErrorCode.AmountOutOfRange, "amount", () => huge + tiny);
        DomainAssert.Fails(DomainErrorCode.AmountOutOfRange, "amount", () => PreciseAmount.Of(decimal.MaxValue, jpy) + PreciseAmount.Of(1m, jpy));
        Assert.Equal(7_000_000_000_000_000_000.0000000001m, (PreciseAmount.Of(7_000_000_000_000_000_000m, jpy) + tiny).Value);
    }

    // Proves splitting an amount beyond the minor-unit range is AmountOutOfRange, not an overflow crash.
    [Theory]
    [InlineData("1000000000000000000000000000", "EUR")]
    [InlineData("92233720368547758.08", "EUR")]
    [InlineData("-9223372036854775809", "JPY")]
    public void SplitWhole_beyond_range_is_refused(string text, string code)
    {
        var amount = PreciseAmount.Parse(text, Currency.Of(code));

        DomainAssert.Fails(DomainErrorCode.AmountOutOfRange, "amount", () => amount.SplitWhole());
    }

    // Proves sums are exact and never mix currencies.
    [Fact]
    public void Sums_are_exact_and_single_currency()
    {
        var a = PreciseAmount.Parse("0.0000000001", Currency.Eur);
        var b = PreciseAmount.Parse("0.0099999999", Currency.Eur);

        Assert.Equal(0.01m, (a + b).Value);
        Assert.Equal(-0.0099999998m, (a - b).Value);
        Assert.Equal(12.30m, PreciseAmount.FromMoney(new Money(1_230, Currency.Eur)).Value);
        DomainAssert.Fails(DomainErrorCode.CurrencyMismatch, "currency", () => a + PreciseAmount.Zero(Currency.Of("JPY")));
    }
}
