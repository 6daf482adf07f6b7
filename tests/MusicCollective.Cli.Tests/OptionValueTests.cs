using Google.Type;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Commands;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Tests;

public class OptionValueTests
{
    [Fact]
    public void Lineup_value_names_payee_and_role()
    {
        // Proves: "alice=leader" is payee alice in role leader, a band member (not hired).
        Assert.Equal(new LineupEntry { PayeeId = "alice", Role = "leader", Hired = false }, LineupText.Parse("alice=leader", hired: false));
    }

    [Fact]
    public void Hired_value_is_marked_hired_and_trimmed()
    {
        // Proves: --hired values carry hired = true, and spaces around the parts are ignored.
        Assert.Equal(new LineupEntry { PayeeId = "carol", Role = "substitute", Hired = true }, LineupText.Parse(" carol = substitute ", hired: true));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("=leader")]
    [InlineData("alice=")]
    [InlineData("")]
    public void Lineup_value_without_both_parts_is_rejected(string text)
    {
        // Proves: a line-up value needs a payee and a role.
        var ex = Assert.Throws<UsageException>(() => LineupText.Parse(text, hired: false));
        Assert.Contains("payee=role", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseAll_lists_members_then_hired_players_in_the_order_given()
    {
        // Proves: the line-up sent keeps the command line's order, members first.
        var entries = LineupText.ParseAll(["alice=leader", "bob=member"], ["carol=substitute"]).ToList();
        Assert.Equal(["alice", "bob", "carol"], entries.Select(e => e.PayeeId));
        Assert.Equal([false, false, true], entries.Select(e => e.Hired));
    }

    [Fact]
    public void Role_weight_value_keeps_the_decimal_text_unchanged()
    {
        // Proves: weights travel as the exact text typed ("1.50" stays "1.50"), never through a double.
        Assert.Equal(new RoleWeight { Role = "leader", Weight = "1.50" }, BandCommands.RoleWeightOf("leader=1.50"));
    }

    [Fact]
    public void Fixed_fee_value_is_money_in_the_given_currency()
    {
        // Proves: "substitute=150.00" with EUR becomes a fixed fee of exactly 150 EUR.
        var fee = BandCommands.FixedFeeOf("substitute=150.00", "EUR");
        Assert.Equal(new FixedFee { Role = "substitute", Amount = new Money { CurrencyCode = "EUR", Units = 150 } }, fee);
    }

    [Theory]
    [InlineData("0.03")]
    [InlineData("1")]
    [InlineData("0")]
    public void Decimal_text_accepts_plain_unsigned_decimals(string text)
    {
        // Proves: rates and weights in plain decimal form pass through unchanged.
        Assert.Equal(text, DecimalText.Parse(text));
    }

    [Theory]
    [InlineData("-0.03")]
    [InlineData("3%")]
    [InlineData("0,03")]
    [InlineData("3e-2")]
    [InlineData(".03")]
    public void Decimal_text_rejects_other_forms(string text)
    {
        // Proves: signs, percentages, commas and exponents are usage errors, not silently reinterpreted.
        Assert.Throws<UsageException>(() => DecimalText.Parse(text));
    }
}
