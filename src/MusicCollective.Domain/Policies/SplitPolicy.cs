using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Policies;

/// <summary>
/// One version of a band's split policy: the rules its members chose for dividing gig fees and royalties. Immutable;
/// a change is a new version with a later effective date (<see cref="SplitPolicyHistory"/>). Rates are fractions:
/// 0.03 is 3%, each in [0, 1). Built only through <see cref="Create"/>, which validates every field.
/// </summary>
public sealed record SplitPolicy
{
    /// <summary>Most roles and fixed fees a policy may define.</summary>
    public const int RolesMax = 64;

    /// <summary>Most decimal places in a rate (0.0325 = 3.25% has four).</summary>
    public const int RateDecimalPlacesMax = 6;

    private SplitPolicy(string name, int version, DateOnly effectiveFrom, decimal gigFundRate,
        decimal royaltyFundRate, IReadOnlyList<RoleWeight> roleWeights, IReadOnlyList<FixedFee> fixedFees)
    {
        Name = name;
        Version = version;
        EffectiveFrom = effectiveFrom;
        GigFundRate = gigFundRate;
        RoyaltyFundRate = royaltyFundRate;
        RoleWeights = roleWeights;
        FixedFees = fixedFees;
    }

    /// <summary>The policy's name, e.g. "standard".</summary>
    public string Name { get; }

    /// <summary>Version number, 1 for the first; each new version is one more.</summary>
    public int Version { get; }

    /// <summary>First date on which this version applies (a gig's date, a statement's period end).</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>Share of a gig fee that goes to the co-op fund, a fraction in [0, 1).</summary>
    public decimal GigFundRate { get; }

    /// <summary>Share of royalty income that goes to the co-op fund, a fraction in [0, 1).</summary>
    public decimal RoyaltyFundRate { get; }

    /// <summary>Weights per line-up role for sharing the remainder.</summary>
    public IReadOnlyList<RoleWeight> RoleWeights { get; }

    /// <summary>Flat fees per role, paid before the weighted shares.</summary>
    public IReadOnlyList<FixedFee> FixedFees { get; }

    /// <summary>The weight of <paramref name="role"/>, or null when the policy does not define it.</summary>
    public decimal? WeightOf(string role) => RoleWeights.FirstOrDefault(r => r.Role == role)?.Weight;

    /// <summary>The fixed fee of <paramref name="role"/>, or null when the role shares by weight.</summary>
    public Money? FixedFeeOf(string role) => FixedFees.FirstOrDefault(f => f.Role == role)?.Amount;

    /// <summary>Validates and builds a policy version; throws <see cref="DomainException"/> naming every bad field.</summary>
    public static SplitPolicy Create(string name, int version, DateOnly effectiveFrom, decimal gigFundRate,
        decimal royaltyFundRate, IReadOnlyList<RoleWeight> roleWeights, IReadOnlyList<FixedFee>? fixedFees = null)
    {
        fixedFees ??= [];
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new(DomainErrorCode.Required, "name", "a policy needs a name"));
        if (version < 1) errors.Add(new(DomainErrorCode.PolicyOutOfSequence, "version", "versions start at 1"));
        CheckRate(gigFundRate, "gig_fund_rate", errors);
        CheckRate(royaltyFundRate, "royalty_fund_rate", errors);
        CheckRoles(roleWeights, fixedFees, errors);
        DomainException.ThrowIfAny(errors);
        return new SplitPolicy(name, version, effectiveFrom, gigFundRate, royaltyFundRate, roleWeights.ToArray(),
            fixedFees.ToArray());
    }

    private static void CheckRate(decimal rate, string field, List<DomainError> errors)
    {
        if (rate < 0m || rate >= 1m)
        {
            errors.Add(new(DomainErrorCode.RateOutOfRange, field, "a fund rate must be at least 0% and below 100%"));
        }
        else if (decimal.Round(rate, RateDecimalPlacesMax) != rate)
        {
            errors.Add(new(DomainErrorCode.TooManyDecimals, field,
                $"a rate may have at most {RateDecimalPlacesMax} decimal places as a fraction"));
        }
    }

    private static void CheckRoles(IReadOnlyList<RoleWeight> roleWeights, IReadOnlyList<FixedFee> fixedFees,
        List<DomainError> errors)
    {
        if (roleWeights.Count == 0)
        {
            errors.Add(new(DomainErrorCode.Required, "role_weights", "a policy needs at least one weighted role"));
        }
        if (roleWeights.Count + fixedFees.Count > RolesMax)
        {
            errors.Add(new(DomainErrorCode.LimitExceeded, "role_weights", $"at most {RolesMax} roles"));
        }
        var roles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < roleWeights.Count; i++)
        {
            var field = $"role_weights[{i}]";
            CheckRoleName(roleWeights[i].Role, field, roles, errors);
            if (roleWeights[i].Weight <= 0m)
            {
                errors.Add(new(DomainErrorCode.NonPositiveWeight, $"{field}.weight", "a role weight must be greater than zero"));
            }
            else if (decimal.Round(roleWeights[i].Weight, Allocation.Allocator.WeightDecimalPlacesMax) != roleWeights[i].Weight)
            {
                errors.Add(new(DomainErrorCode.TooManyDecimals, $"{field}.weight",
                    $"a weight may have at most {Allocation.Allocator.WeightDecimalPlacesMax} decimal places"));
            }
        }
        for (var i = 0; i < fixedFees.Count; i++)
        {
            var field = $"fixed_fees[{i}]";
            CheckRoleName(fixedFees[i].Role, field, roles, errors);
            if (fixedFees[i].Amount.IsNegative)
            {
                errors.Add(new(DomainErrorCode.NegativeAmount, $"{field}.amount", "a fixed fee cannot be negative"));
            }
        }
    }

    private static void CheckRoleName(string role, string field, HashSet<string> roles, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            errors.Add(new(DomainErrorCode.Required, $"{field}.role", "a role needs a name"));
        }
        else if (!roles.Add(role))
        {
            errors.Add(new(DomainErrorCode.Duplicate, $"{field}.role", $"role '{role}' is defined twice"));
        }
    }
}
