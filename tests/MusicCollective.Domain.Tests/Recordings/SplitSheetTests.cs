using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Recordings;

namespace MusicCollective.Domain.Tests.Recordings;

public sealed class SplitSheetTests
{
    private static SplitShare[] Shares(params string[] percentages) =>
        percentages.Select((p, i) => new SplitShare($"payee-{i}",
            decimal.Parse(p, System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    // Proves shares summing to exactly 100% (with up to six decimals) are accepted and kept in order.
    [Theory]
    [InlineData("100")]
    [InlineData("50", "30", "20")]
    [InlineData("33.333334", "33.333333", "33.333333")]
    [InlineData("0.000001", "99.999999")]
    public void Shares_summing_to_exactly_100_are_accepted(params string[] percentages)
    {
        var sheet = SplitSheet.Create(Shares(percentages));

        Assert.Equal(percentages.Length, sheet.Shares.Count);
        Assert.Equal(100m, sheet.Shares.Sum(s => s.Percentage));
    }

    // Proves a split sheet summing to 99.99% (or anything but exactly 100%) is SharesNotHundredPercent on "split_sheet".
    [Theory]
    [InlineData("50", "30", "19.99")]
    [InlineData("33.333333", "33.333333", "33.333333")]
    [InlineData("50", "30", "20.000001")]
    [InlineData("99.99")]
    public void Shares_not_summing_to_100_are_refused(params string[] percentages)
    {
        DomainAssert.Fails(DomainErrorCode.SharesNotHundredPercent, "split_sheet", () => SplitSheet.Create(Shares(percentages)));
    }

    // Proves a share of 0% or less is NonPositiveWeight naming that share's percentage.
    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void Non_positive_share_is_refused(string bad)
    {
        var value = decimal.Parse(bad, System.Globalization.CultureInfo.InvariantCulture);
        var exception = Assert.Throws<DomainException>(() => SplitSheet.Create(
            [new("a", 60m), new("b", value), new("c", 40m - value)]));

        DomainAssert.Exactly(exception.Errors, (DomainErrorCode.NonPositiveWeight, "split_sheet[1].percentage"));
    }

    // Proves a percentage with more than six decimals is TooManyDecimals.
    [Fact]
    public void Percentage_with_seven_decimals_is_refused()
    {
        var exception = Assert.Throws<DomainException>(() => SplitSheet.Create(
            [new("a", 33.3333334m), new("b", 66.6666666m)]));

        DomainAssert.Exactly(exception.Errors,
            (DomainErrorCode.TooManyDecimals, "split_sheet[0].percentage"),
            (DomainErrorCode.TooManyDecimals, "split_sheet[1].percentage"));
    }

    // Proves a payee listed twice is Duplicate, and a blank payee is Required.
    [Fact]
    public void Duplicate_or_blank_payees_are_refused()
    {
        DomainAssert.Fails(DomainErrorCode.Duplicate, "split_sheet[1].payee_id",
            () => SplitSheet.Create([new("a", 50m), new("a", 50m)]));
        DomainAssert.Fails(DomainErrorCode.Required, "split_sheet[0].payee_id",
            () => SplitSheet.Create([new(" ", 100m)]));
    }

    // Proves an empty split sheet is Required, and one over ContributorsMax is LimitExceeded.
    [Fact]
    public void Empty_or_oversized_sheets_are_refused()
    {
        DomainAssert.Fails(DomainErrorCode.Required, "recording.split_sheet", () => SplitSheet.Create([], "recording.split_sheet"));

        var tooMany = Enumerable.Range(0, SplitSheet.ContributorsMax + 1)
            .Select(i => new SplitShare($"p{i}", i == 0 ? 100m - SplitSheet.ContributorsMax * 0.1m : 0.1m)).ToArray();
        DomainAssert.Fails(DomainErrorCode.LimitExceeded, "split_sheet", () => SplitSheet.Create(tooMany));
    }
}
