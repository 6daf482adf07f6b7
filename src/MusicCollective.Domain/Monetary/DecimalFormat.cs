using System.Globalization;

namespace MusicCollective.Domain.Monetary;

/// <summary>Formats decimals for people: invariant culture, no trailing zeros (1.50 → "1.5", 3.000 → "3").</summary>
public static class DecimalFormat
{
    /// <summary>The shortest exact text of <paramref name="value"/>.</summary>
    public static string Plain(decimal value) =>
        // Dividing by 1.000…0 (with more places than decimal keeps) normalises away trailing zeros exactly.
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
