using System.Globalization;
using MusicCollective.Actors.Tests.Samples;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>Values that must come back exactly: decimals with their scale, dates at the ends of their range, times with offsets.</summary>
public sealed partial class JsonMessageSerializerTests
{
    // Proves a decimal weight and percentage are stored exactly, scale and all.
    [Theory]
    [InlineData("1.5000000001")]
    [InlineData("33.333333")]
    [InlineData("0.0300")]
    [InlineData("-0.0000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    public void Decimals_round_trip_exactly(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        var settlement = GigSamples.Settlement with
        {
            Postings = [GigSamples.Settlement.Postings[4] with { Weight = value, Percentage = value }],
        };
        var policy = BandSamples.Policy with { RoleWeights = [new RoleWeightData("leader", value)] };

        var settled = RoundTrip(GigSamples.Settled with { Settlement = settlement });
        var published = RoundTrip(new SplitPolicyPublished("b-1", "req-4", "sha256:dd", SampleValues.Time, policy));

        Assert.Equal(text, settled.Settlement.Postings[0].Weight!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(text, settled.Settlement.Postings[0].Percentage!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(text, published.Policy.RoleWeights[0].Weight.ToString(CultureInfo.InvariantCulture));
    }

    // Proves DateOnly values at both ends of their range and DateTimeOffsets with any offset and 100 ns ticks round-trip exactly.
    [Theory]
    [InlineData("0001-01-01", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("9999-12-31", "9999-12-31T23:59:59.9999999+00:00")]
    [InlineData("2024-02-29", "2024-02-29T23:59:59.1234567+05:45")]
    [InlineData("2024-06-01", "2024-06-01T00:00:00.0000001-03:30")]
    [InlineData("2100-12-31", "2100-12-31T12:00:00.0000000+14:00")]
    public void Dates_and_times_round_trip_exactly(string date, string time)
    {
        var joinedOn = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var at = DateTimeOffset.ParseExact(time, "O", CultureInfo.InvariantCulture);

        var back = RoundTrip(new BandMemberAdded("b-1", "req-2", "sha256:bb", at, "alice", "leader", joinedOn));

        Assert.Equal(joinedOn, back.JoinedOn);
        Assert.True(at.EqualsExact(back.Time), $"{at:O} came back as {back.Time:O}");
    }

    private T RoundTrip<T>(T value) where T : notnull =>
        Assert.IsType<T>(Serializer.FromBinary(Serializer.ToBinary(value), Serializer.Manifest(value)));
}
