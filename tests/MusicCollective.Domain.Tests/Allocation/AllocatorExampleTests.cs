using MusicCollective.Domain.Allocation;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Tests.Allocation;

/// <summary>Worked allocation examples a treasurer can check by hand.</summary>
public sealed class AllocatorExampleTests
{
    private static readonly string[] ThreeMembers = ["m1", "m2", "m3"];

    // Proves 100.00 EUR among three equal members is 33.34 / 33.33 / 33.33, and which member gets the spare cent is pinned per key.
    [Theory]
    [InlineData("gig-3", "m1")]
    [InlineData("gig-1", "m3")]
    public void Hundred_euros_among_three_equal_members(string allocationKey, string memberWithSpareCent)
    {
        var euros = Money.Parse("100.00", Currency.Eur);

        var parts = Allocator.Allocate(euros.MinorUnits, [1L, 1L, 1L], ThreeMembers, allocationKey);

        var formatted = ThreeMembers.Zip(parts, (id, p) => (id, new Money(p, Currency.Eur).ToDecimalString())).ToArray();
        Assert.All(formatted, m => Assert.Equal(m.id == memberWithSpareCent ? "33.34" : "33.33", m.Item2));
    }

    // Proves two different allocation keys give the spare cent to two different members (the cent does not always land on one member).
    [Fact]
    public void Different_keys_move_the_spare_cent_to_different_members()
    {
        var underGig3 = Allocator.Allocate(10_000, [1L, 1L, 1L], ThreeMembers, "gig-3");
        var underGig1 = Allocator.Allocate(10_000, [1L, 1L, 1L], ThreeMembers, "gig-1");

        Assert.Equal([3_334L, 3_333L, 3_333L], underGig3);
        Assert.Equal([3_333L, 3_333L, 3_334L], underGig1);
    }

    // Proves the tied spare cent goes to the member whose (key, id) tie-break hash is highest, not to the first in the list.
    [Fact]
    public void Tied_spare_cent_follows_the_hash_not_list_order()
    {
        foreach (var key in new[] { "gig-1", "gig-2", "gig-3", "statement-9/NLA1D2400001" })
        {
            var parts = Allocator.Allocate(10_000, [1L, 1L, 1L], ThreeMembers, key);

            var expected = ThreeMembers.MaxBy(id => TieBreakHash.Of(key, id));
            Assert.Equal(expected, ThreeMembers[Array.IndexOf(parts, 3_334L)]);
        }
    }

    // Proves largest remainder: 15 units at weights 80 / 8 / 12 gives 12 / 1 / 2 (floor-to-first would give 13 / 1 / 1).
    [Fact]
    public void Fifteen_units_at_80_8_12_go_by_largest_remainder()
    {
        var parts = Allocator.Allocate(15, [80L, 8L, 12L], ["a", "b", "c"], "any-key");

        Assert.Equal([12L, 1L, 2L], parts);
    }

    // Proves allocation for JPY (exponent 0) and BHD (exponent 3), parsed and formatted in the currency; ties pinned by the key.
    [Theory]
    [InlineData("JPY", "100", new[] { "1", "1", "1" }, new[] { "33", "33", "34" })]
    [InlineData("JPY", "1000", new[] { "1.5", "1", "1" }, new[] { "428", "286", "286" })]
    [InlineData("BHD", "10.000", new[] { "1", "1", "1" }, new[] { "3.333", "3.333", "3.334" })]
    [InlineData("BHD", "0.010", new[] { "50", "30", "20" }, new[] { "0.005", "0.003", "0.002" })]
    [InlineData("EUR", "15.00", new[] { "1.5", "1", "1", "0.5" }, new[] { "5.62", "3.75", "3.75", "1.88" })]
    public void Allocates_in_the_currency_minor_unit(string code, string amount, string[] weights, string[] expected)
    {
        var currency = Currency.Of(code);
        var total = Money.Parse(amount, currency);
        var ids = weights.Select((_, i) => $"m{i + 1}").ToArray();
        var decimalWeights = weights.Select(w => decimal.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var parts = Allocator.Allocate(total.MinorUnits, decimalWeights, ids, "any-gig");

        Assert.Equal(expected, parts.Select(p => new Money(p, currency).ToDecimalString()));
    }

    // Proves zero allocates to zeros and a single recipient gets everything.
    [Fact]
    public void Zero_and_single_recipient()
    {
        Assert.Equal([0L, 0L], Allocator.Allocate(0, [1L, 2L], ["a", "b"], "k"));
        Assert.Equal([long.MaxValue], Allocator.Allocate(long.MaxValue, [7L], ["only"], "k"));
    }

    // Proves 1.50 and 1.5 are the same weight (trailing zeros do not change the ratio).
    [Fact]
    public void Trailing_zeros_do_not_change_a_weight()
    {
        var withZeros = Allocator.Allocate(1_000, [1.50m, 1.000m], ["leader", "member"], "k");
        var plain = Allocator.Allocate(1_000, [1.5m, 1m], ["leader", "member"], "k");

        Assert.Equal([600L, 400L], plain);
        Assert.Equal(plain, withZeros);
    }
}
