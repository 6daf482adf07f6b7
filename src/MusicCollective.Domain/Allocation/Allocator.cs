using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Allocation;

/// <summary>
/// The one place money is divided. Splits a whole number of minor units among weighted recipients by the largest
/// remainder method: each gets the floor of its exact share A·wᵢ/Σw, and the r minor units left over go one each to
/// the recipients with the largest fractional parts. Ties are broken by <see cref="TieBreakHash"/> of
/// (allocation key, recipient id), never by list order or name, so the spare cent moves between members across gigs
/// and a re-run gives the same answer. Guarantees: Σ parts = amount exactly; |partᵢ − exactᵢ| &lt; 1; the result depends
/// only on the set of (id, weight) pairs and the key, not on their order. Exact integer arithmetic throughout.
/// </summary>
public static class Allocator
{
    /// <summary>Most recipients one allocation may have.</summary>
    public const int RecipientsMax = 10_000;

    /// <summary>Most decimal places a weight may carry (28 is decimal's own limit; ten is plenty for 33.3333333333%).</summary>
    public const int WeightDecimalPlacesMax = 10;

    // Recipient scratch space lives on the stack up to this many recipients; above it, on the heap.
    private const int StackRecipientsMax = 128;

    /// <summary>
    /// Allocates <paramref name="amount"/> (≥ 0) minor units by integer weights (each &gt; 0). Returns the parts in the
    /// order of <paramref name="recipientIds"/>. The only heap allocation is the result (up to 128 recipients).
    /// </summary>
    public static long[] Allocate(long amount, ReadOnlySpan<long> weights, ReadOnlySpan<string> recipientIds,
        string allocationKey)
    {
        ValidateShape(amount, weights.Length, recipientIds.Length, allocationKey);
        Int128 weightSum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) throw NonPositiveWeight(i);
            weightSum += weights[i];
        }
        var parts = new long[weights.Length];
        Span<Candidate> candidates = weights.Length <= StackRecipientsMax
            ? stackalloc Candidate[weights.Length]
            : new Candidate[weights.Length];
        var remainderUnits = FloorShares(amount, weights, weightSum, parts, candidates);
        DistributeRemainder(remainderUnits, parts, candidates, recipientIds, allocationKey);
        return parts;
    }

    /// <summary>
    /// Allocates by decimal weights (role weights such as 1.5, percentages such as 33.3333): they are scaled to exact
    /// integers by their common number of decimal places first, so the result is exactly the integer-weight result.
    /// </summary>
    public static long[] Allocate(long amount, ReadOnlySpan<decimal> weights, ReadOnlySpan<string> recipientIds,
        string allocationKey)
    {
        Span<long> integerWeights = weights.Length <= StackRecipientsMax
            ? stackalloc long[weights.Length]
            : new long[weights.Length];
        ScaleToIntegers(weights, integerWeights);
        return Allocate(amount, integerWeights, recipientIds, allocationKey);
    }

    /// <summary>
    /// Scales decimal weights to integers with the same ratios: multiplies each by 10^s where s is the largest
    /// number of decimal places among them. Throws for a weight ≤ 0, too many decimals, or too large a value.
    /// </summary>
    public static void ScaleToIntegers(ReadOnlySpan<decimal> weights, Span<long> integerWeights)
    {
        var scale = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0m) throw NonPositiveWeight(i);
            var places = DecimalPlaces(weights[i]);
            if (places > WeightDecimalPlacesMax)
            {
                throw new DomainException(DomainErrorCode.TooManyDecimals, $"weights[{i}]",
                    $"a weight may have at most {WeightDecimalPlacesMax} decimal places");
            }
            scale = Math.Max(scale, places);
        }
        var factor = Monetary.Pow10.Decimal(scale);
        for (var i = 0; i < weights.Length; i++)
        {
            decimal scaled;
            try
            {
                scaled = weights[i] * factor;
            }
            catch (OverflowException)
            {
                throw WeightTooLarge(i);
            }
            if (scaled > long.MaxValue) throw WeightTooLarge(i);
            integerWeights[i] = (long)scaled;
        }
    }

    private static void ValidateShape(long amount, int weightCount, int idCount, string allocationKey)
    {
        if (amount < 0)
        {
            throw new DomainException(DomainErrorCode.NegativeAmount, "amount", "only a non-negative amount can be allocated");
        }
        if (weightCount == 0) throw new DomainException(DomainErrorCode.Required, "recipients", "at least one recipient is required");
        if (weightCount > RecipientsMax)
        {
            throw new DomainException(DomainErrorCode.LimitExceeded, "recipients", $"at most {RecipientsMax} recipients");
        }
        if (idCount != weightCount) throw new ArgumentException("one recipient id per weight is required", nameof(idCount));
        if (string.IsNullOrEmpty(allocationKey))
        {
            throw new DomainException(DomainErrorCode.Required, "allocation_key", "an allocation key is required");
        }
    }

    // Writes floor(A·wᵢ/W) into parts and records each fractional part as the exact numerator (A·wᵢ mod W); all share
    // the denominator W, so comparing numerators compares fractions exactly. Returns the minor units still to give.
    private static long FloorShares(long amount, ReadOnlySpan<long> weights, Int128 weightSum, Span<long> parts,
        Span<Candidate> candidates)
    {
        var given = 0L;
        var fitsInLong = weightSum <= long.MaxValue;
        for (var i = 0; i < weights.Length; i++)
        {
            long floor;
            Int128 fraction;
            var high = Math.BigMul(amount, weights[i], out long low);
            if (fitsInLong && high == 0 && low >= 0)
            {
                // Fast path: A·wᵢ fits in 63 bits, so plain long division is exact.
                var sum = (long)weightSum;
                floor = Math.DivRem(low, sum, out var rest);
                fraction = rest;
            }
            else
            {
                var product = (Int128)amount * weights[i];
                floor = (long)(product / weightSum);
                fraction = product % weightSum;
            }
            parts[i] = floor;
            given += floor;
            candidates[i] = new Candidate(fraction, 0, i);
        }
        var remainder = amount - given;
        Invariant.Check(remainder >= 0 && remainder < weights.Length, "largest-remainder leftover is within [0, n)");
        return remainder;
    }

    private static void DistributeRemainder(long remainder, Span<long> parts, Span<Candidate> candidates,
        ReadOnlySpan<string> recipientIds, string allocationKey)
    {
        if (remainder == 0) return;
        var keyState = TieBreakHash.Begin(allocationKey);
        for (var i = 0; i < candidates.Length; i++)
        {
            candidates[i] = candidates[i] with { TieBreak = TieBreakHash.Finish(keyState, recipientIds[i]) };
        }
        candidates.Sort();
        for (var k = 0; k < remainder; k++) parts[candidates[k].Index]++;
    }

    private static int DecimalPlaces(decimal value)
    {
        // decimal keeps trailing zeros (1.50 has scale 2); strip them so 1.50 and 1.5 scale alike.
        var scale = value.Scale;
        while (scale > 0 && decimal.Round(value, scale - 1) == value) scale--;
        return scale;
    }

    private static DomainException NonPositiveWeight(int index) =>
        new(DomainErrorCode.NonPositiveWeight, $"weights[{index}]", "every weight must be greater than zero");

    private static DomainException WeightTooLarge(int index) =>
        new(DomainErrorCode.AmountOutOfRange, $"weights[{index}]", "weight is too large");

    /// <summary>
    /// A recipient competing for a leftover minor unit. Sorts by fractional numerator descending, then tie-break hash
    /// descending; equal hashes (identical ids, or a 64-bit collision) fall back to the index so the sort is total.
    /// </summary>
    private readonly record struct Candidate(Int128 Fraction, ulong TieBreak, int Index) : IComparable<Candidate>
    {
        public int CompareTo(Candidate other)
        {
            var byFraction = other.Fraction.CompareTo(Fraction);
            if (byFraction != 0) return byFraction;
            var byHash = other.TieBreak.CompareTo(TieBreak);
            return byHash != 0 ? byHash : Index.CompareTo(other.Index);
        }
    }
}
