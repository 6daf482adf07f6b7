namespace MusicCollective.Domain.Monetary;

/// <summary>Powers of ten as exact integers and decimals; table look-ups instead of Math.Pow (which is floating point).</summary>
public static class Pow10
{
    private static readonly long[] Longs = BuildLongs();
    private static readonly decimal[] Decimals = BuildDecimals();

    /// <summary>10^exponent for 0 ≤ exponent ≤ 18.</summary>
    public static long Long(int exponent) => Longs[exponent];

    /// <summary>10^exponent for 0 ≤ exponent ≤ 28.</summary>
    public static decimal Decimal(int exponent) => Decimals[exponent];

    private static long[] BuildLongs()
    {
        var table = new long[19];
        table[0] = 1;
        for (var i = 1; i < table.Length; i++) table[i] = table[i - 1] * 10;
        return table;
    }

    private static decimal[] BuildDecimals()
    {
        var table = new decimal[29];
        table[0] = 1m;
        for (var i = 1; i < table.Length; i++) table[i] = table[i - 1] * 10m;
        return table;
    }
}
