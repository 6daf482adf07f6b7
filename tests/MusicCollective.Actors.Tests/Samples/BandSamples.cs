using System.Collections.Immutable;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Policies;
using static MusicCollective.Actors.Tests.Samples.SampleValues;

namespace MusicCollective.Actors.Tests.Samples;

/// <summary>A fully populated sample of every band message.</summary>
internal static class BandSamples
{
    /// <summary>Weights and rates with many decimal places, which must be stored exactly.</summary>
    public static SplitPolicyData Policy { get; } = new("standard", 2, new DateOnly(2024, 1, 1), 0.0325m, 0.050000m,
        [new RoleWeightData("leader", 1.5000000001m), new RoleWeightData("member", 1m)],
        [new FixedFeeData("sub", Eur(15_000))]);

    public static BandState State { get; } = BandState.Initial("b-1") with
    {
        Exists = true, Name = "The Tuesdays", CreateTime = Time,
        Memberships =
        [
            new Membership("alice", "leader", new DateOnly(2023, 1, 1), null),
            new Membership("bob", "member", new DateOnly(2023, 2, 1), new DateOnly(2024, 3, 31)),
        ],
        PolicyVersions = [Policy with { Version = 1, EffectiveFrom = new DateOnly(2023, 1, 1) }, Policy],
        AuthorizedPartners = ImmutableSortedSet.Create(StringComparer.Ordinal, "gigbook", "setlist-app"),
        Requests = Requests(),
    };

    public static IEnumerable<object> All() =>
    [
        new BandCreated("b-1", "req-1", "sha256:aa", Time, "The Tuesdays"),
        new BandMemberAdded("b-1", "req-2", "sha256:bb", Time, "alice", "leader", new DateOnly(2023, 1, 1)),
        new BandMemberRemoved("b-1", "req-3", "sha256:cc", Time, "alice", new DateOnly(2024, 12, 31)),
        new SplitPolicyPublished("b-1", "req-4", "sha256:dd", Time, Policy),
        new PartnerAuthorized("b-1", "req-5", "sha256:ee", Time, "gigbook"),
        new PartnerRevoked("b-1", "req-6", "sha256:ff", Time, "gigbook"),
        State,
        new CreateBand(Stamp, "b-1", "The Tuesdays"),
        new AddBandMember(Stamp, "b-1", "alice", "leader", new DateOnly(2023, 1, 1)),
        new RemoveBandMember(Stamp, "b-1", "alice", new DateOnly(2024, 12, 31)),
        new PublishSplitPolicy(Stamp, "b-1", Policy),
        new AuthorizePartner(Stamp, "b-1", "gigbook"),
        new RevokePartner(Stamp, "b-1", "gigbook"),
        new GetBand("b-1"),
        new BandReply(State, Rejection()),
    ];
}
