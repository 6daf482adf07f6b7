using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Tests.Policies;

public sealed class SplitPolicyTests
{
    private static readonly DateOnly Jan1 = new(2025, 1, 1);
    private static readonly RoleWeight[] LeaderAndMember = [new("leader", 1.5m), new("member", 1m)];

    private static SplitPolicy Create(decimal gigRate = 0.03m, decimal royaltyRate = 0.03m,
        IReadOnlyList<RoleWeight>? weights = null, IReadOnlyList<FixedFee>? fixedFees = null) =>
        SplitPolicy.Create("standard", 1, Jan1, gigRate, royaltyRate, weights ?? LeaderAndMember, fixedFees);

    // Proves a valid policy keeps its rates, weights and fixed fees, and answers WeightOf / FixedFeeOf.
    [Fact]
    public void Valid_policy_is_built()
    {
        var substitute = new FixedFee("substitute", Money.Parse("150.00", Currency.Eur));

        var policy = Create(fixedFees: [substitute]);

        Assert.Equal(0.03m, policy.GigFundRate);
        Assert.Equal(1.5m, policy.WeightOf("leader"));
        Assert.Equal(1m, policy.WeightOf("member"));
        Assert.Null(policy.WeightOf("substitute"));
        Assert.Equal(Money.Parse("150.00", Currency.Eur), policy.FixedFeeOf("substitute"));
        Assert.Null(policy.FixedFeeOf("leader"));
    }

    // Proves rates of 0 and just below 100% are allowed.
    [Theory]
    [InlineData("0")]
    [InlineData("0.999999")]
    public void Rates_in_zero_to_one_are_allowed(string rate)
    {
        var value = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, Create(gigRate: value, royaltyRate: value).RoyaltyFundRate);
    }

    // Proves a gig fund rate of 100% or more (1.0, 1.5) or below zero is RateOutOfRange on "gig_fund_rate".
    [Theory]
    [InlineData("1.0")]
    [InlineData("1.5")]
    [InlineData("-0.01")]
    [InlineData("-1")]
    public void Gig_fund_rate_out_of_range_is_refused(string rate)
    {
        var value = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        DomainAssert.Fails(DomainErrorCode.RateOutOfRange, "gig_fund_rate", () => Create(gigRate: value));
    }

    // Proves a royalty fund rate of 100% or more or below zero is RateOutOfRange on "royalty_fund_rate".
    [Theory]
    [InlineData("1.0")]
    [InlineData("1.5")]
    [InlineData("-0.03")]
    public void Royalty_fund_rate_out_of_range_is_refused(string rate)
    {
        var value = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        DomainAssert.Fails(DomainErrorCode.RateOutOfRange, "royalty_fund_rate", () => Create(royaltyRate: value));
    }

    // Proves a rate with more than six decimals is TooManyDecimals.
    [Fact]
    public void Rate_with_seven_decimals_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "gig_fund_rate", () => Create(gigRate: 0.0300001m));
    }

    // Proves a role weight of 0 (or below) is NonPositiveWeight naming that role's weight.
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Non_positive_role_weight_is_refused(string weight)
    {
        var value = decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture);
        DomainAssert.Fails(DomainErrorCode.NonPositiveWeight, "role_weights[1].weight",
            () => Create(weights: [new("leader", 1.5m), new("member", value)]));
    }

    // Proves a weight with more than ten decimals is TooManyDecimals.
    [Fact]
    public void Weight_with_eleven_decimals_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "role_weights[0].weight",
            () => Create(weights: [new("member", 1.00000000001m)]));
    }

    // Proves a negative fixed fee is NegativeAmount on "fixed_fees[0].amount".
    [Fact]
    public void Negative_fixed_fee_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.NegativeAmount, "fixed_fees[0].amount",
            () => Create(fixedFees: [new("substitute", new Money(-1, Currency.Eur))]));
    }

    // Proves a role defined twice (even once as weight, once as fixed fee) is Duplicate.
    [Fact]
    public void Duplicate_role_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.Duplicate, "fixed_fees[0].role",
            () => Create(fixedFees: [new("member", new Money(1, Currency.Eur))]));
        DomainAssert.Fails(DomainErrorCode.Duplicate, "role_weights[1].role",
            () => Create(weights: [new("member", 1m), new("member", 2m)]));
    }

    // Proves a policy needs a name, a version from 1, and at least one weighted role.
    [Fact]
    public void Missing_basics_are_refused()
    {
        DomainAssert.Fails(DomainErrorCode.Required, "name",
            () => SplitPolicy.Create(" ", 1, Jan1, 0m, 0m, LeaderAndMember));
        DomainAssert.Fails(DomainErrorCode.PolicyOutOfSequence, "version",
            () => SplitPolicy.Create("standard", 0, Jan1, 0m, 0m, LeaderAndMember));
        DomainAssert.Fails(DomainErrorCode.Required, "role_weights", () => Create(weights: []));
        DomainAssert.Fails(DomainErrorCode.Required, "role_weights[0].role", () => Create(weights: [new("", 1m)]));
    }

    // Proves every bad field is reported at once, in order, so a caller can fix them all.
    [Fact]
    public void Every_bad_field_is_reported()
    {
        var exception = Assert.Throws<DomainException>(() => SplitPolicy.Create("standard", 1, Jan1, 1.0m, -0.5m,
            [new("leader", 0m)], [new("substitute", new Money(-100, Currency.Eur))]));

        DomainAssert.Exactly(exception.Errors,
            (DomainErrorCode.RateOutOfRange, "gig_fund_rate"),
            (DomainErrorCode.RateOutOfRange, "royalty_fund_rate"),
            (DomainErrorCode.NonPositiveWeight, "role_weights[0].weight"),
            (DomainErrorCode.NegativeAmount, "fixed_fees[0].amount"));
    }

    // Proves more than RolesMax roles is LimitExceeded.
    [Fact]
    public void Too_many_roles_are_refused()
    {
        var weights = Enumerable.Range(0, SplitPolicy.RolesMax + 1).Select(i => new RoleWeight($"role-{i}", 1m)).ToArray();

        DomainAssert.Fails(DomainErrorCode.LimitExceeded, "role_weights", () => Create(weights: weights));
    }
}
