using System.Globalization;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Monetary;

/// <summary>
/// Strict parsing of plain decimal text for amounts: an optional leading '-', digits, optionally '.' and digits.
/// No exponents, thousands separators, spaces or culture-specific symbols: "1e3" or "1,000" are malformed, never guessed.
/// </summary>
public static class DecimalText
{
    /// <summary>Longest amount text accepted; longer text is malformed (it cannot be an exact decimal anyway).</summary>
    public const int LengthMax = 40;

    /// <summary>Parses strict decimal text; throws <see cref="DomainErrorCode.MalformedAmount"/> naming <paramref name="field"/>.</summary>
    public static decimal Parse(string? text, string field)
    {
        if (!IsPlainDecimal(text))
        {
            throw new DomainException(DomainErrorCode.MalformedAmount, field,
                $"'{Truncated(text)}' is not a plain decimal number such as 12.30");
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            throw new DomainException(DomainErrorCode.AmountOutOfRange, field, "amount is too large");
        }
        // decimal.TryParse rounds digits beyond decimal's precision (28 places) instead of failing, so
        // "12.30000000000000000000000000001" would silently become 12.30: refuse text that did not parse exactly.
        if (DecimalPlaces(value) < SignificantDecimalPlaces(text!))
        {
            throw new DomainException(DomainErrorCode.TooManyDecimals, field,
                "amount has more decimal places than can be represented exactly");
        }
        return value;
    }

    // Decimal places in the text, not counting trailing zeros ("1.500" has 1).
    private static int SignificantDecimalPlaces(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.AsSpan(point + 1).TrimEnd('0').Length;
    }

    // Decimal places in the value, not counting trailing zeros (1.500m has 1).
    private static int DecimalPlaces(decimal value)
    {
        var scale = value.Scale;
        while (scale > 0 && decimal.Round(value, scale - 1) == value) scale--;
        return scale;
    }

    private static bool IsPlainDecimal(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > LengthMax) return false;
        var i = text[0] == '-' ? 1 : 0;
        var digitsBefore = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digitsBefore++; }
        if (i == text.Length) return digitsBefore > 0;
        if (text[i] != '.' || digitsBefore == 0) return false;
        i++;
        var digitsAfter = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digitsAfter++; }
        return i == text.Length && digitsAfter > 0;
    }

    private static string Truncated(string? text) =>
        text is null ? "" : text.Length <= LengthMax ? text : text[..LengthMax] + "…";
}
