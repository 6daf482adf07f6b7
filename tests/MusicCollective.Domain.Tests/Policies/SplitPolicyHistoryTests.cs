using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Tests.Policies;

public sealed class SplitPolicyHistoryTests
{
    private static SplitPolicy Version(int version, DateOnly from, decimal rate = 0.03m) =>
        SplitPolicy.Create("standard", version, from, rate, rate, [new RoleWeight("member", 1m)]);

    private static readonly SplitPolicyHistory TwoVersions = SplitPolicyHistory.Empty
        .Add(Version(1, new DateOnly(2024, 1, 1), 0.03m))
        .Add(Version(2, new DateOnly(2025, 7, 1), 0.05m));

    // Proves the version in force is the newest whose effective date is on or before the date asked for.
    [Theory]
    [InlineData(2024, 1, 1, 1)]
    [InlineData(2025, 6, 30, 1)]
    [InlineData(2025, 7, 1, 2)]
    [InlineData(2030, 1, 1, 2)]
    public void Version_in_force_is_chosen_by_date(int year, int month, int day, int expectedVersion)
    {
        Assert.Equal(expectedVersion, TwoVersions.InForceOn(new DateOnly(year, month, day)).Version);
    }

    // Proves a date before the first version is NoPolicyInForce naming the caller's field.
    [Fact]
    public void No_version_before_the_first()
    {
        DomainAssert.Fails(DomainErrorCode.NoPolicyInForce, "gig.date", () => TwoVersions.InForceOn(new DateOnly(2023, 12, 31), "gig.date"));
        DomainAssert.Fails(DomainErrorCode.NoPolicyInForce, "date", () => SplitPolicyHistory.Empty.InForceOn(new DateOnly(2025, 1, 1)));
    }

    // Proves versions must be numbered one after another.
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Out_of_sequence_version_is_refused(int version)
    {
        DomainAssert.Fails(DomainErrorCode.PolicyOutOfSequence, "version", () => TwoVersions.Add(Version(version, new DateOnly(2026, 1, 1))));
    }

    // Proves a new version must take effect strictly after the latest.
    [Theory]
    [InlineData(2025, 7, 1)]
    [InlineData(2025, 1, 1)]
    public void Effective_date_not_after_the_latest_is_refused(int year, int month, int day)
    {
        DomainAssert.Fails(DomainErrorCode.PolicyOutOfSequence, "effective_from",
            () => TwoVersions.Add(Version(3, new DateOnly(year, month, day))));
    }

    // Proves Add returns a new history and leaves the old one unchanged.
    [Fact]
    public void Add_does_not_mutate()
    {
        var three = TwoVersions.Add(Version(3, new DateOnly(2026, 1, 1)));

        Assert.Equal(2, TwoVersions.Versions.Count);
        Assert.Equal(3, three.Latest!.Version);
        Assert.Null(SplitPolicyHistory.Empty.Latest);
    }
}
