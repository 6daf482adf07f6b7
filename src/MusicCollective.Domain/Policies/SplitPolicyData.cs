using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Policies;

/// <summary>A split policy version as stored in events and sent between nodes: plain data, validated by <see cref="ToPolicy"/>.</summary>
public sealed record SplitPolicyData(
    string Name,
    int Version,
    DateOnly EffectiveFrom,
    decimal GigFundRate,
    decimal RoyaltyFundRate,
    IReadOnlyList<RoleWeightData> RoleWeights,
    IReadOnlyList<FixedFeeData> FixedFees)
{
    /// <summary>Validates and builds the domain policy; throws a DomainException naming bad fields.</summary>
    public SplitPolicy ToPolicy() => SplitPolicy.Create(Name, Version, EffectiveFrom, GigFundRate, RoyaltyFundRate,
        RoleWeights.Select(r => new RoleWeight(r.Role, r.Weight)).ToArray(),
        FixedFees.Select(f => new FixedFee(f.Role, f.Amount.ToMoney())).ToArray());

    /// <summary>From a domain policy.</summary>
    public static SplitPolicyData From(SplitPolicy policy) => new(policy.Name, policy.Version, policy.EffectiveFrom,
        policy.GigFundRate, policy.RoyaltyFundRate,
        policy.RoleWeights.Select(r => new RoleWeightData(r.Role, r.Weight)).ToArray(),
        policy.FixedFees.Select(f => new FixedFeeData(f.Role, MoneyData.From(f.Amount))).ToArray());
}

/// <summary>A role weight as data.</summary>
public sealed record RoleWeightData(string Role, decimal Weight);

/// <summary>A fixed fee as data.</summary>
public sealed record FixedFeeData(string Role, MoneyData Amount);
