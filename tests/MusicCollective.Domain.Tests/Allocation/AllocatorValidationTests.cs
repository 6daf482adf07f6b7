using MusicCollective.Domain.Allocation;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Tests.Allocation;

/// <summary>Bad allocation input: each refused with its own error code, naming the offending field.</summary>
public sealed class AllocatorValidationTests
{
    // Proves integer weights of 0 and −1 are NonPositiveWeight naming the weight's index.
    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void Non_positive_integer_weight_is_refused(long weight)
    {
        DomainAssert.Fails(DomainErrorCode.NonPositiveWeight, "weights[1]",
            () => Allocator.Allocate(100, [1L, weight, 1L], ["a", "b", "c"], "k"));
    }

    // Proves decimal weights of 0 and −1 are NonPositiveWeight naming the weight's index.
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-0.0000000001")]
    public void Non_positive_decimal_weight_is_refused(string weight)
    {
        var value = decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture);
        DomainAssert.Fails(DomainErrorCode.NonPositiveWeight, "weights[2]",
            () => Allocator.Allocate(100, [1m, 1.5m, value], ["a", "b", "c"], "k"));
    }

    // Proves a negative amount cannot be allocated (NegativeAmount on "amount").
    [Fact]
    public void Negative_amount_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.NegativeAmount, "amount", () => Allocator.Allocate(-1, [1L], ["a"], "k"));
    }

    // Proves an allocation needs at least one recipient.
    [Fact]
    public void No_recipients_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.Required, "recipients", () => Allocator.Allocate(1, ReadOnlySpan<long>.Empty, [], "k"));
        DomainAssert.Fails(DomainErrorCode.Required, "recipients", () => Allocator.Allocate(1, ReadOnlySpan<decimal>.Empty, [], "k"));
    }

    // Proves more than RecipientsMax recipients is LimitExceeded.
    [Fact]
    public void Too_many_recipients_is_refused()
    {
        var count = Allocator.RecipientsMax + 1;
        var weights = Enumerable.Repeat(1L, count).ToArray();
        var ids = Enumerable.Range(0, count).Select(i => $"m{i}").ToArray();

        DomainAssert.Fails(DomainErrorCode.LimitExceeded, "recipients", () => Allocator.Allocate(1, weights, ids, "k"));
    }

    // Proves an allocation key is required, because ties must be broken by it.
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Missing_allocation_key_is_refused(string? key)
    {
        DomainAssert.Fails(DomainErrorCode.Required, "allocation_key", () => Allocator.Allocate(1, [1L], ["a"], key!));
    }

    // Proves a weight with more than ten decimals is TooManyDecimals.
    [Fact]
    public void Weight_with_eleven_decimals_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.TooManyDecimals, "weights[0]",
            () => Allocator.Allocate(1, [0.00000000001m, 1m], ["a", "b"], "k"));
    }

    // Proves a weight that cannot be scaled to a 64-bit integer is AmountOutOfRange, not an overflow crash.
    [Fact]
    public void Weight_too_large_to_scale_is_refused()
    {
        DomainAssert.Fails(DomainErrorCode.AmountOutOfRange, "weights[0]",
            () => Allocator.Allocate(1, [10_000_000_000m, 0.0000000001m], ["a", "b"], "k"));
        DomainAssert.Fails(DomainErrorCode.AmountOutOfRange, "weights[0]",
            () => Allocator.Allocate(1, [decimal.MaxValue, 0.5m], ["a", "b"], "k"));
    }
}
