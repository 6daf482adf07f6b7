using System.Globalization;
using System.Text.RegularExpressions;
using Google.Type;

namespace MusicCollective.Cli.Parsing;

/// <summary>
/// Exact conversion between decimal text ("1000.00", "-1.05") and <see cref="Money"/> (units + nanos).
/// Uses <see cref="decimal"/> only, on text checked to fit it exactly: no binary floating point, never a rounding.
/// </summary>
public static partial class MoneyText
{
    /// <summary>google.type.Money holds billionths: more decimals than this cannot be sent exactly.</summary>
    public const int DecimalPlacesMax = 9;

    /// <summary>Digits of the whole part (leading zeros aside) that can fit Money.units, an int64.</summary>
    public const int UnitDigitsMax = 19;

    private const decimal NanosPerUnit = 1_000_000_000m;

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<whole>[0-9]+)(\.(?<fraction>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    /// <summary>
    /// Parses <paramref name="amount"/> in <paramref name="currency"/>. Units and nanos carry the same sign
    /// (google.type.Money): "-1.05" is units -1, nanos -50,000,000.
    /// </summary>
    /// <exception cref="UsageException">Not a plain decimal, more than 9 decimal places, too large, or a bad code.</exception>
    public static Money Parse(string amount, string currency)
    {
        var code = CurrencyText.Parse(currency);
        var text = (amount ?? "").Trim();
        var match = AmountPattern().Match(text);
        if (!match.Success)
        {
            throw new UsageException($"'{amount}' is not an amount (digits with an optional '.' and decimals, e.g. 1000.00)");
        }

        if (match.Groups["fraction"].Length > DecimalPlacesMax)
        {
            throw new UsageException($"'{amount}' has more than {DecimalPlacesMax} decimal places");
        }

        if (match.Groups["whole"].Value.TrimStart('0').Length > UnitDigitsMax)
        {
            throw new UsageException($"'{amount}' is too large");
        }

        // At most 19 + 9 significant digits: decimal (28) holds the text exactly.
        var value = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var whole = decimal.Truncate(value);
        if (whole < long.MinValue || whole > long.MaxValue)
        {
            throw new UsageException($"'{amount}' is too large");
        }

        return new Money
        {
            CurrencyCode = code,
            Units = (long)whole,
            Nanos = (int)((value - whole) * NanosPerUnit),
        };
    }

    /// <summary>
    /// "1000.00 EUR": at least the currency's usual decimals, more only when the value has them; exact.
    /// An absent amount formats as the empty string.
    /// </summary>
    public static string Format(Money? money)
    {
        if (money is null)
        {
            return "";
        }

        return $"{FormatAmount(money)} {money.CurrencyCode}".TrimEnd();
    }

    /// <summary>The number alone, as <see cref="Format"/> writes it ("1000.00").</summary>
    public static string FormatAmount(Money money)
    {
        ArgumentNullException.ThrowIfNull(money);

        // units (≤ 19 digits) plus nanos / 10^9 (≤ 9 decimals) is exact in decimal.
        var value = money.Units + (money.Nanos / NanosPerUnit);
        var text = value.ToString("0.#########", CultureInfo.InvariantCulture);
        var minDecimals = CurrencyText.MinorDigits(money.CurrencyCode);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : text.Length - dot - 1;
        if (decimals < minDecimals)
        {
            text = (dot < 0 ? text + "." : text) + new string('0', minDecimals - decimals);
        }

        return text;
    }
}
