using CsCheck;
using MusicCollective.Domain.Monetary;
using static MusicCollective.Domain.Tests.Generators;

namespace MusicCollective.Domain.Tests.Monetary;

public sealed class PreciseAmountPropertyTests
{
    // Proves for random amounts with up to ten decimals: whole + residue = amount exactly, |residue| < 1 minor unit, same sign.
    [Fact]
    public void SplitWhole_loses_nothing()
    {
        Gen.Select(RoyaltyLines, Currencies).Sample((value, currency) =>
        {
            var amount = PreciseAmount.Of(value, currency);

            var (whole, residue) = amount.SplitWhole();

            Assert.Equal(value, whole.ToDecimal() + residue.Value);
            Assert.True(Math.Abs(residue.Value) * currency.MinorUnitsPerMajor < 1m);
            Assert.True(residue.Value == 0m || Math.Sign(residue.Value) == Math.Sign(value));
        }, iter: PropertyIterations);
    }
}
