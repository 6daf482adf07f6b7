using CsCheck;
using Google.Type;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Tests;

public class MoneyTextTests
{
    [Theory]
    [InlineData("0.10", 0L, 100_000_000)]
    [InlineData("1000.00", 1000L, 0)]
    [InlineData("1000", 1000L, 0)]
    [InlineData("-1.05", -1L, -50_000_000)]
    [InlineData("-0.10", 0L, -100_000_000)]
    [InlineData("+2.5", 2L, 500_000_000)]
    [InlineData("0.000000001", 0L, 1)]
    [InlineData(" 12.34 ", 12L, 340_000_000)]
    [InlineData("9223372036854775807.999999999", long.MaxValue, 999_999_999)]
    [InlineData("-9223372036854775808", long.MinValue, 0)]
    [InlineData("000000000000000000000001.5", 1L, 500_000_000)]
    public void Parse_splits_decimal_text_exactly_into_units_and_nanos_with_one_sign(string text, long units, int nanos)
    {
        // Proves: decimal text becomes units + nanos exactly, both carrying the sign (google.type.Money rules).
        var money = MoneyText.Parse(text, "EUR");
        Assert.Equal(new Money { CurrencyCode = "EUR", Units = units, Nanos = nanos }, money);
    }

    [Theory]
    [InlineData("1.0000000001")]
    [InlineData("0.0000000000")]
    public void Parse_rejects_more_than_nine_decimal_places(string text)
    {
        // Proves: an amount Money cannot hold exactly is refused, not rounded.
        var ex = Assert.Throws<UsageException>(() => MoneyText.Parse(text, "EUR"));
        Assert.Contains("more than 9 decimal places", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("123456789012345678901234567890")]
    public void Parse_rejects_amounts_beyond_int64_units(string text)
    {
        // Proves: whole parts that do not fit Money.units are refused, not wrapped or rounded.
        var ex = Assert.Throws<UsageException>(() => MoneyText.Parse(text, "EUR"));
        Assert.Contains("too large", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,50")]
    [InlineData("1e3")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("")]
    [InlineData("--1")]
    [InlineData("EUR 10")]
    [InlineData("NaN")]
    public void Parse_rejects_anything_but_a_plain_decimal(string text)
    {
        // Proves: only digits with an optional sign and '.' are read as money; no culture, exponent or symbols.
        Assert.Throws<UsageException>(() => MoneyText.Parse(text, "EUR"));
    }

    [Theory]
    [InlineData("eur", "EUR")]
    [InlineData(" Jpy ", "JPY")]
    public void Parse_upper_cases_the_currency_code(string code, string expected)
    {
        // Proves: currency codes are normalised to ISO 4217's upper case.
        Assert.Equal(expected, MoneyText.Parse("1", code).CurrencyCode);
    }

    [Theory]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("")]
    public void Parse_rejects_a_code_that_is_not_three_letters(string code)
    {
        // Proves: a malformed currency code is a usage error before any call.
        Assert.Throws<UsageException>(() => MoneyText.Parse("1", code));
    }

    [Theory]
    [InlineData(1000L, 0, "EUR", "1000.00 EUR")]
    [InlineData(0L, 100_000_000, "EUR", "0.10 EUR")]
    [InlineData(-1L, -50_000_000, "EUR", "-1.05 EUR")]
    [InlineData(0L, -100_000_000, "EUR", "-0.10 EUR")]
    [InlineData(1L, 234_500_000, "EUR", "1.2345 EUR")]
    [InlineData(0L, 1, "EUR", "0.000000001 EUR")]
    [InlineData(1000L, 0, "JPY", "1000 JPY")]
    [InlineData(1L, 500_000_000, "BHD", "1.500 BHD")]
    [InlineData(0L, 0, "EUR", "0.00 EUR")]
    [InlineData(long.MaxValue, 999_999_999, "EUR", "9223372036854775807.999999999 EUR")]
    public void Format_shows_the_currency_decimals_and_more_only_when_the_value_has_them(
        long units, int nanos, string code, string expected)
    {
        // Proves: formatting is exact, with the currency's usual decimals as a minimum.
        Assert.Equal(expected, MoneyText.Format(new Money { CurrencyCode = code, Units = units, Nanos = nanos }));
    }

    [Fact]
    public void Format_of_no_money_is_empty()
    {
        // Proves: an unset Money field prints as nothing rather than "0".
        Assert.Equal("", MoneyText.Format(null));
    }

    [Fact]
    public void Parse_of_Format_returns_the_same_money_for_any_valid_amount()
    {
        // Proves: text ⇄ Money round-trips exactly over the whole range of units and nanos, both signs.
        var gen = from units in Gen.Long[0, long.MaxValue]
                  from nanos in Gen.Int[0, 999_999_999]
                  from negative in Gen.Bool
                  from code in Gen.OneOf("EUR", "JPY", "BHD", "USD")
                  select new Money
                  {
                      CurrencyCode = code,
                      Units = negative ? -units : units,
                      Nanos = negative ? -nanos : nanos,
                  };
        gen.Sample(money =>
        {
            var parsed = MoneyText.Parse(MoneyText.FormatAmount(money), money.CurrencyCode);
            return parsed.Equals(money);
        }, iter: 100_000);
    }
}
