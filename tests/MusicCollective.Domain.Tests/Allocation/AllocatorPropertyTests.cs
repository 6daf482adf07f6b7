using CsCheck;
using MusicCollective.Domain.Allocation;
using static MusicCollective.Domain.Tests.Generators;

namespace MusicCollective.Domain.Tests.Allocation;

/// <summary>The allocation guarantees of DOMAIN.md, each checked on <see cref="PropertyIterations"/> random inputs.</summary>
public sealed class AllocatorPropertyTests
{
    // Proves Σ parts = amount exactly and no part is negative.
    [Fact]
    public void Parts_sum_exactly_to_the_amount()
    {
        Allocations.Sample(c =>
        {
            var parts = Allocator.Allocate(c.Amount, c.Weights, c.Ids, c.Key);

            Assert.Equal(c.Weights.Length, parts.Length);
            Assert.Equal((Int128)c.Amount, parts.Aggregate(Int128.Zero, (sum, p) => sum + p));
            Assert.True(parts.Min() >= 0);
        }, iter: PropertyIterations);
    }

    // Proves |partᵢ − A·wᵢ/W| < 1 exactly (Int128): each part is ⌊A·wᵢ/W⌋, or one more only when the share is not whole.
    [Fact]
    public void Each_part_is_within_one_minor_unit_of_its_exact_share()
    {
        Allocations.Sample(c =>
        {
            var parts = Allocator.Allocate(c.Amount, c.Weights, c.Ids, c.Key);

            var weightSum = c.Weights.Aggregate(Int128.Zero, (sum, w) => sum + w);
            for (var i = 0; i < parts.Length; i++)
            {
                var (floor, fractionNumerator) = Int128.DivRem((Int128)c.Amount * c.Weights[i], weightSum);
                // part = floor: part − exact = −fraction ∈ (−1, 0]; part = floor + 1: 1 − fraction < 1 only when fraction > 0.
                if (parts[i] != floor && !(parts[i] == floor + 1 && fractionNumerator > 0))
                {
                    Assert.Fail($"part {i} is {parts[i]}, exact share is {floor} + {fractionNumerator}/{weightSum}");
                }
            }
        }, iter: PropertyIterations);
    }

    // Proves the spare units go to the largest fractional parts, and among equal fractions to the highest tie-break hash.
    [Fact]
    public void Spare_units_go_to_the_largest_fractions_then_the_highest_hash()
    {
        Allocations.Sample(c =>
        {
            var parts = Allocator.Allocate(c.Amount, c.Weights, c.Ids, c.Key);

            // Every recipient given a spare unit must rank, by (fraction, hash), at or above every recipient not given one.
            var weightSum = c.Weights.Aggregate(Int128.Zero, (sum, w) => sum + w);
            (Int128 Fraction, ulong Hash)? lowestWinner = null, highestLoser = null;
            for (var i = 0; i < parts.Length; i++)
            {
                var (floor, fraction) = Int128.DivRem((Int128)c.Amount * c.Weights[i], weightSum);
                var rank = (fraction, TieBreakHash.Of(c.Key, c.Ids[i]));
                if (parts[i] != floor)
                {
                    if (lowestWinner is null || Compare(rank, lowestWinner.Value) < 0) lowestWinner = rank;
                }
                else if (highestLoser is null || Compare(rank, highestLoser.Value) > 0)
                {
                    highestLoser = rank;
                }
            }
            if (lowestWinner is { } winner && highestLoser is { } loser && Compare(winner, loser) < 0)
            {
                Assert.Fail($"a spare unit went to fraction {winner.Fraction} (hash {winner.Hash}) over {loser.Fraction} (hash {loser.Hash})");
            }
        }, iter: PropertyIterations);
    }

    private static int Compare((Int128 Fraction, ulong Hash) a, (Int128 Fraction, ulong Hash) b) =>
        a.Fraction != b.Fraction ? a.Fraction.CompareTo(b.Fraction) : a.Hash.CompareTo(b.Hash);

    // Proves the same input gives the same output, call after call.
    [Fact]
    public void Same_input_gives_the_same_output()
    {
        Allocations.Sample(c =>
        {
            var first = Allocator.Allocate(c.Amount, c.Weights, c.Ids, c.Key);
            var second = Allocator.Allocate(c.Amount, [.. c.Weights], [.. c.Ids], new string(c.Key.AsSpan()));

            Assert.Equal(first, second);
        }, iter: PropertyIterations);
    }

    // Proves shuffling the recipients changes nobody's amount (compared by recipient id).
    [Fact]
    public void Shuffling_recipients_changes_nobodys_amount()
    {
        var cases =
            from c in Allocations
            from order in Gen.Shuffle(Enumerable.Range(0, c.Weights.Length).ToArray())
            select (c, order);
        cases.Sample((c, order) =>
        {
            var original = Allocator.Allocate(c.Amount, c.Weights, c.Ids, c.Key);
            var shuffled = Allocator.Allocate(c.Amount, order.Select(i => c.Weights[i]).ToArray(),
                order.Select(i => c.Ids[i]).ToArray(), c.Key);

            var originalById = c.Ids.Zip(original).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            for (var k = 0; k < order.Length; k++)
            {
                Assert.Equal(originalById[c.Ids[order[k]]], shuffled[k]);
            }
        }, iter: PropertyIterations);
    }

    // Proves decimal weights allocate exactly like the integer weights they scale to (1.5 : 1 is 15 : 10).
    [Fact]
    public void Decimal_weights_allocate_like_their_scaled_integers()
    {
        var cases =
            from count in Gen.Int[1, 12]
            from units in Gen.Long[1, 1_000_000].Array[count]
            from places in Gen.Int[0, Allocator.WeightDecimalPlacesMax]
            from ids in RecipientIds(count)
            from amount in AllocationAmounts
            from key in AllocationKeys
            select (units, places, ids, amount, key);
        cases.Sample(c =>
        {
            var weights = c.units.Select(u => ExactDecimal(u, c.places)).ToArray();

            var byDecimal = Allocator.Allocate(c.amount, weights, c.ids, c.key);
            var byInteger = Allocator.Allocate(c.amount, c.units, c.ids, c.key);

            Assert.Equal(byInteger, byDecimal);
        }, iter: PropertyIterations);
    }
}
