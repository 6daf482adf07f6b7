using MusicCollective.Actors.Serialization;
using MusicCollective.Actors.Tests.Samples;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>
/// Every type in <see cref="ManifestRegistry"/> survives storage: its manifest is the registered one, and what is read
/// back equals what was written, field by field. Other parts: the registry itself, exact values, the pinned shape.
/// </summary>
public sealed partial class JsonMessageSerializerTests(SerializerFixture fixture) : IClassFixture<SerializerFixture>
{
    private JsonMessageSerializer Serializer => fixture.Serializer;

    public static TheoryData<string> Manifests => [.. ManifestRegistry.Types.Select(ManifestRegistry.ManifestOf).Order(StringComparer.Ordinal)];

    // Proves the registered type of each manifest round-trips by value under its own manifest, from a sample that exercises every field.
    [Theory]
    [MemberData(nameof(Manifests))]
    public void Registered_type_round_trips(string manifest)
    {
        var type = ManifestRegistry.TypeOf(manifest);
        Assert.True(MessageSamples.ByType.TryGetValue(type, out var sample), $"{type.Name} has no sample: add one to the Samples folder");
        Assert.Empty(Coverage.NeverPopulated(sample));

        Assert.Equal(manifest, Serializer.Manifest(sample));
        var bytes = Serializer.ToBinary(sample);
        var back = Serializer.FromBinary(bytes, manifest);

        Assert.IsType(type, back);
        Structural.AssertEqual(sample, back);
        Assert.Equal(bytes, Serializer.ToBinary(back));
    }

    // Proves no registered type lacks a sample, and no sample is for an unregistered type, so adding a type without a sample fails.
    [Fact]
    public void Every_registered_type_has_a_sample()
    {
        Assert.Empty(ManifestRegistry.Types.Where(t => !MessageSamples.ByType.ContainsKey(t)).Select(t => t.Name));
        Assert.Empty(MessageSamples.ByType.Keys.Where(t => !ManifestRegistry.Types.Contains(t)).Select(t => t.Name));
    }

    // Proves the common shapes of null round-trip too: no settlement, no payout details, no rejection, a posting without explanation extras.
    [Fact]
    public void Nulls_round_trip()
    {
        object[] samples =
        [
            GigSamples.Settled with { Settlement = GigSamples.Settlement with { Postings = [GigSamples.Settlement.Postings[0]] } },
            new Domain.Gigs.GigCancelled("g-1", "req-5", "sha256:ee", SampleValues.Time, "Venue flooded", null),
            new Domain.Members.UpdateMember(SampleValues.Stamp, "alice", "Alice", "a@example.org", null),
            new Domain.Members.MemberReply(Domain.Members.MemberState.Initial("alice"), null),
            new Domain.Gigs.CancelGig(SampleValues.Stamp, "g-1", "Venue flooded", null, null),
        ];
        foreach (var sample in samples)
        {
            Structural.AssertEqual(sample, Serializer.FromBinary(Serializer.ToBinary(sample), Serializer.Manifest(sample)));
        }
    }
}
