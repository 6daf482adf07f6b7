using MusicCollective.Api.V1;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Policies;
using MusicCollective.ReadModel;
using DomainFixedFeeData = MusicCollective.Domain.Policies.FixedFeeData;
using ProtoSplitPolicy = MusicCollective.Api.V1.SplitPolicy;
using RoleWeight = MusicCollective.Api.V1.RoleWeight;
using FixedFee = MusicCollective.Api.V1.FixedFee;

namespace MusicCollective.Grpc.Mapping;

/// <summary>Band state ⇄ wire, and split policies in both directions.</summary>
public static class BandMapping
{
    /// <summary>The entity's state as the API's Band.</summary>
    public static Band ToProto(BandState state)
    {
        var band = new Band
        {
            BandId = state.BandId,
            Name = state.Name,
            CreateTime = ProtoDates.ToProto(state.CreateTime),
        };
        band.Members.AddRange(state.Memberships.Select(m => new BandMembership
        {
            MemberId = m.MemberId,
            Role = m.Role,
            JoinedOn = ProtoDates.ToProto(m.JoinedOn),
            LeftOn = m.LeftOn is { } left ? ProtoDates.ToProto(left) : null,
        }));
        band.SplitPolicies.AddRange(state.PolicyVersions.Select(ToProto));
        band.AuthorizedPartnerIds.AddRange(state.AuthorizedPartners);
        return band;
    }

    /// <summary>A read-model row as the API's Band (lists carry no members or policies).</summary>
    public static Band ToProto(BandRow row) => new()
    {
        BandId = row.BandId,
        Name = row.Name,
        CreateTime = ProtoDates.ToProto(row.CreateTime),
    };

    /// <summary>A policy version as the API's SplitPolicy.</summary>
    public static ProtoSplitPolicy ToProto(SplitPolicyData policy)
    {
        var proto = new ProtoSplitPolicy
        {
            Name = policy.Name,
            Version = policy.Version,
            EffectiveFrom = ProtoDates.ToProto(policy.EffectiveFrom),
            GigFundRate = ProtoDecimals.Format(policy.GigFundRate),
            RoyaltyFundRate = ProtoDecimals.Format(policy.RoyaltyFundRate),
        };
        proto.RoleWeights.AddRange(policy.RoleWeights.Select(r => new RoleWeight { Role = r.Role, Weight = ProtoDecimals.Format(r.Weight) }));
        proto.FixedFees.AddRange(policy.FixedFees.Select(f => new FixedFee { Role = f.Role, Amount = ProtoMoney.ToProto(f.Amount) }));
        return proto;
    }

    /// <summary>The API's SplitPolicy as data; malformed numbers name their field under <c>policy.</c>.</summary>
    public static SplitPolicyData ToData(ProtoSplitPolicy? policy)
    {
        if (policy is null)
        {
            throw new Domain.Errors.DomainException(Domain.Errors.DomainErrorCode.Required, "policy", "policy is required");
        }
        return new SplitPolicyData(
            policy.Name,
            policy.Version,
            ProtoDates.ToDateOnly(policy.EffectiveFrom, "policy.effective_from"),
            ProtoDecimals.Parse(policy.GigFundRate, "policy.gig_fund_rate"),
            ProtoDecimals.Parse(policy.RoyaltyFundRate, "policy.royalty_fund_rate"),
            policy.RoleWeights.Select((r, i) => new RoleWeightData(r.Role, ProtoDecimals.Parse(r.Weight, $"policy.role_weights[{i}].weight"))).ToArray(),
            policy.FixedFees.Select((f, i) => new DomainFixedFeeData(f.Role, ProtoMoney.ToData(f.Amount, $"policy.fixed_fees[{i}].amount"))).ToArray());
    }
}
