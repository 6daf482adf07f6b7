using Google.Protobuf.WellKnownTypes;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Output;

namespace MusicCollective.Cli.Tests;

public class DisplayTests
{
    [Theory]
    [InlineData(PostingRule.LineupShare, "lineup-share")]
    [InlineData(PostingRule.FundContribution, "fund-contribution")]
    [InlineData(PostingRule.Unspecified, "unspecified")]
    public void Rules_print_as_lower_case_words(PostingRule rule, string expected)
    {
        // Proves: ledger rules read as short words in tables.
        Assert.Equal(expected, Display.Rule(rule));
    }

    [Fact]
    public void Statuses_print_as_lower_case_words()
    {
        // Proves: gig statuses read as the lifecycle's words.
        Assert.Equal("settled", Display.Status(GigStatus.Settled));
    }

    [Fact]
    public void Instants_print_in_utc_to_the_second()
    {
        // Proves: timestamps print unambiguously in UTC.
        var time = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 21, 15, 30, TimeSpan.FromHours(1)));
        Assert.Equal("2026-12-01 20:15:30Z", Display.Instant(time));
        Assert.Equal("2026-12-01", Display.DateOf(time));
    }
}
