using Google.Type;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Tests;

public class DateTextTests
{
    [Fact]
    public void Parse_reads_year_month_day()
    {
        // Proves: yyyy-MM-dd becomes the matching google.type.Date.
        Assert.Equal(new Date { Year = 2026, Month = 12, Day = 1 }, DateText.Parse("2026-12-01"));
    }

    [Fact]
    public void Parse_accepts_a_leap_day_in_a_leap_year()
    {
        // Proves: real calendar dates are accepted, including 29 February in a leap year.
        Assert.Equal(new Date { Year = 2028, Month = 2, Day = 29 }, DateText.Parse("2028-02-29"));
    }

    [Theory]
    [InlineData("2026-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-1-1")]
    [InlineData("01-12-2026")]
    [InlineData("2026/12/01")]
    [InlineData("2026-12-01T00:00")]
    [InlineData("")]
    public void Parse_rejects_what_is_not_a_real_yyyy_MM_dd_date(string text)
    {
        // Proves: impossible dates and other layouts are usage errors, never guessed.
        var ex = Assert.Throws<UsageException>(() => DateText.Parse(text));
        Assert.Contains("yyyy-MM-dd", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_pads_to_yyyy_MM_dd_and_prints_nothing_for_no_date()
    {
        // Proves: dates print in the same form they are typed, and an unset date prints as nothing.
        Assert.Equal("2026-01-05", DateText.ToText(new Date { Year = 2026, Month = 1, Day = 5 }));
        Assert.Equal("", DateText.ToText(null));
    }
}
