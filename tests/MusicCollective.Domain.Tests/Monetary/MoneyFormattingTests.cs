using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Tests.Monetary;

public sealed class MoneyFormattingTests
{
    // Proves formatting shows exactly the currency's decimal places, invariant culture, for EUR, JPY and BHD.
    [Theory]
    [InlineData(1_230, "EUR", "12.30", "12.30 EUR")]
    [InlineData(-5, "EUR", "-0.05", "-0.05 EUR")]
    [InlineData(0, "EUR", "0.00", "0.00 EUR")]
    [InlineData(1_000, "JPY", "1000", "1000 JPY")]
    [InlineData(-7, "JPY", "-7", "-7 JPY")]
    [InlineData(1_234, "BHD", "1.234", "1.234 BHD")]
    [InlineData(5, "BHD", "0.005", "0.005 BHD")]
    [InlineData(10_000, "CLF", "1.0000", "1.0000 CLF")]
    [InlineData(long.MaxValue, "EUR", "92233720368547758.07", "92233720368547758.07 EUR")]
    public void Formats_with_the_currency_exponent(long minorUnits, string code, string plain, string withCode)
    {
        var money = new Money(minorUnits, Currency.Of(code));

        Assert.Equal(plain, money.ToDecimalString());
        Assert.Equal(withCode, money.ToString());
    }

    // Proves formatting then parsing gives back the same amount.
    [Theory]
    [InlineData(1_230, "EUR")]
    [InlineData(-1, "EUR")]
    [InlineData(123_456, "JPY")]
    [InlineData(-1_001, "BHD")]
    [InlineData(long.MinValue + 1, "EUR")]
    public void Format_then_parse_round_trips(long minorUnits, string code)
    {
        var money = new Money(minorUnits, Currency.Of(code));

        Assert.Equal(money, Money.Parse(money.ToDecimalString(), money.Currency));
    }

    // Proves ToDecimal gives the exact major-unit value.
    [Fact]
    public void ToDecimal_is_exact()
    {
        Assert.Equal(12.30m, new Money(1_230, Currency.Eur).ToDecimal());
        Assert.Equal(1.234m, new Money(1_234, Currency.Of("BHD")).ToDecimal());
        Assert.Equal(1_000m, new Money(1_000, Currency.Of("JPY")).ToDecimal());
    }

    // Proves DecimalFormat.Plain drops trailing zeros only (1.50 → "1.5", 3.000 → "3").
    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("3.000", "3")]
    [InlineData("0.0300", "0.03")]
    [InlineData("-2.10", "-2.1")]
    [InlineData("33.333333", "33.333333")]
    public void Plain_format_drops_trailing_zeros(string value, string expected)
    {
        Assert.Equal(expected, DecimalFormat.Plain(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
