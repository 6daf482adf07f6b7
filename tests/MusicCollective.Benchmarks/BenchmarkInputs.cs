namespace MusicCollective.Benchmarks;

/// <summary>
/// Inputs shared by the benchmarks, built once per run from a fixed seed so every run measures the same work. Each
/// benchmark cycles through <see cref="Count"/> (amount, key) pairs so calls do not all take the same branch.
/// </summary>
internal static class BenchmarkInputs
{
    /// <summary>How many distinct inputs each benchmark cycles through; a power of two so the cursor wraps with a mask.</summary>
    public const int Count = 1024;

    /// <summary>Mask that wraps a cursor into [0, <see cref="Count"/>).</summary>
    private const int CursorMask = Count - 1;

    /// <summary>The input index to use now; moves <paramref name="cursor"/> on, wrapping after <see cref="Count"/>.</summary>
    public static int Advance(ref int cursor)
    {
        var i = cursor;
        cursor = (i + 1) & CursorMask;
        return i;
    }

    /// <summary>The fixed seed, so two runs measure identical inputs.</summary>
    public const int Seed = 20_250_601;

    /// <summary>
    /// <see cref="Count"/> amounts in [<paramref name="minMinorUnits"/>, <paramref name="maxMinorUnits"/>) whose
    /// largest-remainder leftover under <paramref name="weights"/> is not zero, so every call reaches the tie-break
    /// hashing path instead of returning after the floor shares.
    /// </summary>
    public static long[] AmountsWithRemainder(Random random, long minMinorUnits, long maxMinorUnits, long[] weights)
    {
        var amounts = new long[Count];
        for (var i = 0; i < Count;)
        {
            var amount = random.NextInt64(minMinorUnits, maxMinorUnits);
            if (Leftover(amount, weights) != 0) amounts[i++] = amount;
        }
        return amounts;
    }

    /// <summary><see cref="Count"/> distinct allocation keys: <paramref name="prefix"/> plus a random number.</summary>
    public static string[] Keys(Random random, string prefix, string suffix = "")
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (keys.Count < Count) keys.Add($"{prefix}{random.Next(100_000, 1_000_000)}{suffix}");
        return keys.ToArray();
    }

    /// <summary>A − Σ⌊A·wᵢ/W⌋, computed independently of the allocator (the same formula as DOMAIN.md).</summary>
    public static long Leftover(long amount, long[] weights)
    {
        Int128 weightSum = 0;
        foreach (var w in weights) weightSum += w;
        Int128 given = 0;
        foreach (var w in weights) given += (Int128)amount * w / weightSum;
        return (long)(amount - given);
    }
}
