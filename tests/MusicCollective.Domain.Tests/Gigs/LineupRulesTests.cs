using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>A line-up checked against its band on the gig's date: membership that day, and roles the policy in force defines.</summary>
public sealed class LineupRulesTests
{
    private static readonly DateTimeOffset Time = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly GigDate = new(2024, 6, 1);

    // alice (2023-) and bob (2023 – 2024-05-31) and carol (2024-06-01 only, left the same day), policy v1 from 2024-01-01.
    private static BandState Band(bool withPolicy = true)
    {
        var events = new List<BandEvent>
        {
            new BandCreated("b-1", "r-0", "h", Time, "The Tuesdays"),
            new BandMemberAdded("b-1", "r-1", "h", Time, "alice", "leader", new DateOnly(2023, 1, 1)),
            new BandMemberAdded("b-1", "r-2", "h", Time, "bob", "member", new DateOnly(2023, 1, 1)),
            new BandMemberRemoved("b-1", "r-3", "h", Time, "bob", new DateOnly(2024, 5, 31)),
            new BandMemberAdded("b-1", "r-4", "h", Time, "carol", "member", GigDate),
            new BandMemberRemoved("b-1", "r-5", "h", Time, "carol", GigDate),
            new BandMemberAdded("b-1", "r-6", "h", Time, "dave", "member", GigDate.AddDays(1)),
        };
        if (withPolicy) events.Add(new SplitPolicyPublished("b-1", "r-7", "h", Time, GigSamples.Policy));
        return events.Aggregate(BandState.Initial("b-1"), (s, e) => s.Apply(e));
    }

    private static LineupEntryData Member(string id, string role = "member") => new(id, role, false);

    // Proves current members in roles the policy defines, plus a hired player in a fixed-fee role, pass.
    [Fact]
    public void Members_and_hired_players_in_known_roles_pass() =>
        Assert.Empty(LineupRules.CheckAgainstBand(Band(), GigDate, [Member("alice", "leader"), new("sam", "sub", true)]));

    // Proves a non-member who is not marked hired is NotABandMember on lineup[i].payee_id.
    [Fact]
    public void Non_member_not_hired_is_refused() =>
        DomainAssert.Exactly(LineupRules.CheckAgainstBand(Band(), GigDate, [Member("alice", "leader"), Member("zoe")]),
            (DomainErrorCode.NotABandMember, "lineup[1].payee_id"));

    // Proves a hired player need not be a member of the band.
    [Fact]
    public void Hired_non_member_passes() =>
        Assert.Empty(LineupRules.CheckAgainstBand(Band(), GigDate, [new("zoe", "member", true)]));

    // Proves a role the policy in force does not define is UnknownRole on lineup[i].role.
    [Fact]
    public void Unknown_role_with_policy_in_force_is_refused() =>
        DomainAssert.Exactly(LineupRules.CheckAgainstBand(Band(), GigDate, [Member("alice", "leader"), new("sam", "drums", true)]),
            (DomainErrorCode.UnknownRole, "lineup[1].role"));

    // Proves any role passes while no policy is in force (none published, or the gig predates the first).
    [Fact]
    public void Any_role_passes_without_policy_in_force()
    {
        Assert.Empty(LineupRules.CheckAgainstBand(Band(withPolicy: false), GigDate, [Member("alice", "drums")]));
        Assert.Empty(LineupRules.CheckAgainstBand(Band(), new DateOnly(2023, 12, 31), [Member("alice", "drums")]));
    }

    // Proves the policy version in force on the gig's date decides which roles exist.
    [Fact]
    public void Policy_in_force_on_the_date_decides_roles()
    {
        var v2 = GigSamples.Policy with
        {
            Version = 2, EffectiveFrom = new DateOnly(2024, 7, 1),
            RoleWeights = [.. GigSamples.Policy.RoleWeights, new RoleWeightData("guest", 0.5m)],
        };
        var band = Band().Apply(new SplitPolicyPublished("b-1", "r-8", "h", Time, v2));

        DomainAssert.Exactly(LineupRules.CheckAgainstBand(band, GigDate, [Member("alice", "guest")]),
            (DomainErrorCode.UnknownRole, "lineup[0].role"));
        Assert.Empty(LineupRules.CheckAgainstBand(band, new DateOnly(2024, 7, 1), [Member("alice", "guest")]));
    }

    // Proves a member who left before the gig date is refused.
    [Fact]
    public void Member_who_left_before_the_date_is_refused() =>
        DomainAssert.Exactly(LineupRules.CheckAgainstBand(Band(), GigDate, [Member("bob")]),
            (DomainErrorCode.NotABandMember, "lineup[0].payee_id"));

    // Proves a member who left on the gig date (or joined on it) still plays that day.
    [Fact]
    public void Member_on_the_date_passes() =>
        Assert.Empty(LineupRules.CheckAgainstBand(Band(), GigDate, [Member("carol")]));

    // Proves a member who joins after the gig date is refused for it.
    [Fact]
    public void Member_who_joins_after_the_date_is_refused() =>
        DomainAssert.Exactly(LineupRules.CheckAgainstBand(Band(), GigDate, [Member("dave")]),
            (DomainErrorCode.NotABandMember, "lineup[0].payee_id"));

    // Proves every problem is reported, each under the caller's field prefix.
    [Fact]
    public void All_problems_are_reported_under_the_field_prefix() =>
        DomainAssert.Exactly(LineupRules.CheckAgainstBand(Band(), GigDate, [Member("bob", "drums"), Member("alice", "leader")], "gig.lineup"),
            (DomainErrorCode.NotABandMember, "gig.lineup[0].payee_id"), (DomainErrorCode.UnknownRole, "gig.lineup[0].role"));
}
