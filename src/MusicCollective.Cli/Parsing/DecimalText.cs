using System.Text.RegularExpressions;

namespace MusicCollective.Cli.Parsing;

/// <summary>
/// Rates and weights travel as decimal strings ("0.03", "1.5"). The client checks only the form and sends the text
/// unchanged, so nothing is rounded on the way; the server checks the range.
/// </summary>
public static partial class DecimalText
{
    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UnsignedDecimal();

    /// <exception cref="UsageException">Not an unsigned plain decimal.</exception>
    public static string Parse(string text)
    {
        var trimmed = (text ?? "").Trim();
        if (!UnsignedDecimal().IsMatch(trimmed))
        {
            throw new UsageException($"'{text}' is not a decimal number (e.g. 0.03 or 1.5)");
        }

        return trimmed;
    }
}
