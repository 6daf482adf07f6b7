using System.Globalization;
using Google.Type;

namespace MusicCollective.Cli.Parsing;

/// <summary>Calendar dates as yyyy-MM-dd text ⇄ <see cref="Date"/>.</summary>
public static class DateText
{
    public const string Format = "yyyy-MM-dd";

    /// <exception cref="UsageException">Not a real date in yyyy-MM-dd form.</exception>
    public static Date Parse(string text)
    {
        if (!DateOnly.TryParseExact((text ?? "").Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageException($"'{text}' is not a date (expected {Format}, e.g. 2026-12-01)");
        }

        return new Date { Year = date.Year, Month = date.Month, Day = date.Day };
    }

    /// <summary>"2026-12-01"; an absent date is the empty string.</summary>
    public static string ToText(Date? date) =>
        date is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");
}
