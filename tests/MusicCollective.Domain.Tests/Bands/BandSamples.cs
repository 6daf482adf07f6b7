using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Policies;
using MusicCollective.Domain.Tests.Entities;

namespace MusicCollective.Domain.Tests.Bands;

/// <summary>A band "b-1" and the commands and policies the band tests share.</summary>
internal static class BandSamples
{
    public const string BandId = "b-1";
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Version <paramref name="version"/> of the "standard" policy: fund 3%, leader 1.5, member 1, sub 150.00 EUR flat.</summary>
    public static SplitPolicyData Policy(int version = 1, DateOnly? effectiveFrom = null, decimal gigFundRate = 0.03m) =>
        new("standard", version, effectiveFrom ?? new DateOnly(2024, 1, 1), gigFundRate, 0.05m,
            [new RoleWeightData("leader", 1.5m), new RoleWeightData("member", 1m)],
            [new FixedFeeData("sub", new MoneyData("EUR", 15_000))]);

    public static CreateBand Create(string requestId = "r-create") => new(Stamps.Of(requestId), BandId, "The Tuesdays");

    public static AddBandMember Add(string requestId, string memberId, string role = "member", DateOnly? joinedOn = null) =>
        new(Stamps.Of(requestId), BandId, memberId, role, joinedOn ?? new DateOnly(2023, 1, 1));

    public static RemoveBandMember Remove(string requestId, string memberId, DateOnly leftOn) =>
        new(Stamps.Of(requestId), BandId, memberId, leftOn);

    public static PublishSplitPolicy Publish(string requestId, SplitPolicyData policy) => new(Stamps.Of(requestId), BandId, policy);

    /// <summary>A created band with no members.</summary>
    public static BandState Created() => BandState.Initial(BandId).Run(Create());

    /// <summary>Processes a command that must be accepted and applies its event.</summary>
    public static BandState Run(this BandState state, BandCommand command) =>
        state.Apply(EntityAssert.Accepted<BandEvent>(state.Process(command, Now)));
}
