namespace MusicCollective.Cli.Parsing;

/// <summary>ISO 4217 codes as typed on the command line, and how many decimals each usually shows.</summary>
public static class CurrencyText
{
    /// <summary>Decimals shown for a currency the table below does not list.</summary>
    public const int MinorDigitsDefault = 2;

    // ISO 4217 minor units that differ from 2. Display only: the server decides which codes exist.
    private static readonly Dictionary<string, int> MinorDigitsByCode = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0,
        ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    };

    /// <summary>Three letters, upper-cased: "eur" → "EUR". Whether the code exists is the server's call.</summary>
    public static string Parse(string text)
    {
        var code = (text ?? "").Trim().ToUpperInvariant();
        if (code.Length != 3 || !code.All(c => c is >= 'A' and <= 'Z'))
        {
            throw new UsageException($"'{text}' is not a currency code (three letters, e.g. EUR)");
        }

        return code;
    }

    /// <summary>The currency's usual number of decimals (EUR 2, JPY 0, BHD 3).</summary>
    public static int MinorDigits(string code) =>
        MinorDigitsByCode.TryGetValue(code ?? "", out var digits) ? digits : MinorDigitsDefault;
}
