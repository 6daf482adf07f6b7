using System.Collections.Immutable;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Bands;

/// <summary>A member's time in a band: joined on a date, in a role, and left on a date (null while in the band).</summary>
public sealed record Membership(string MemberId, string Role, DateOnly JoinedOn, DateOnly? LeftOn)
{
    /// <summary>True when the member was in the band on <paramref name="date"/>.</summary>
    public bool ActiveOn(DateOnly date) => JoinedOn <= date && (LeftOn is null || date <= LeftOn);
}

/// <summary>A band as its entity knows it: plain data, so snapshots serialise as they are.</summary>
public sealed record BandState : IEntityState
{
    /// <summary>Most memberships a band keeps (past ones included).</summary>
    public const int MembershipsMax = 200;

    /// <summary>Most partner apps one band may authorise.</summary>
    public const int PartnersMax = 50;

    /// <summary>Longest band name.</summary>
    public const int NameLengthMax = 200;

    /// <summary>The state before any event.</summary>
    public static BandState Initial(string bandId) => new() { BandId = bandId };

    /// <summary>The band's id.</summary>
    public string BandId { get; init; } = "";

    /// <summary>True once registered.</summary>
    public bool Exists { get; init; }

    /// <summary>The band's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>When the band was registered.</summary>
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>Every membership, current and past, in the order they began.</summary>
    public ImmutableList<Membership> Memberships { get; init; } = [];

    /// <summary>Every split policy version, oldest first.</summary>
    public ImmutableList<SplitPolicyData> PolicyVersions { get; init; } = [];

    /// <summary>Partner apps allowed to register gigs for the band.</summary>
    public ImmutableSortedSet<string> AuthorizedPartners { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>Request ids already applied.</summary>
    public IdempotencyLog Requests { get; init; } = IdempotencyLog.Empty;

    /// <summary>The policy versions as a validated history.</summary>
    public SplitPolicyHistory PolicyHistory() =>
        PolicyVersions.Aggregate(SplitPolicyHistory.Empty, (history, data) => history.Add(data.ToPolicy()));

    /// <summary>True when <paramref name="memberId"/> was in the band on <paramref name="date"/>.</summary>
    public bool IsMemberOn(string memberId, DateOnly date) =>
        Memberships.Any(m => m.MemberId == memberId && m.ActiveOn(date));

    /// <summary>True when <paramref name="memberId"/> is currently in the band (joined and not left).</summary>
    public bool HasCurrentMember(string memberId) => Memberships.Any(m => m.MemberId == memberId && m.LeftOn is null);
}
