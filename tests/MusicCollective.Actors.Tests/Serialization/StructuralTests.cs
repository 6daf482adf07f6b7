using MusicCollective.Actors.Tests.Samples;
using MusicCollective.Domain.Gigs;
using Xunit.Sdk;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>The comparer the round-trip tests rely on sees the differences that matter in stored data.</summary>
public sealed class StructuralTests
{
    // Proves equal graphs built separately (lists of other collection types) compare equal.
    [Fact]
    public void Separately_built_equal_graphs_are_equal() =>
        Structural.AssertEqual(GigSamples.State, GigSamples.State with { Lineup = [.. GigSamples.Lineup], Expenses = [GigSamples.Van] });

    // Proves a decimal's scale, a time's offset, a list item deep inside, and a dictionary value each count as a difference.
    [Fact]
    public void Differences_that_matter_are_seen()
    {
        var settlement = GigSamples.Settlement;
        var posting = settlement.Postings[4];
        var time = SampleValues.Time;

        Assert.Throws<TrueException>(() => Structural.AssertEqual(settlement,
            settlement with { Postings = [.. settlement.Postings.Take(4), posting with { Weight = 1.50m }, settlement.Postings[5]] }));
        Assert.Throws<TrueException>(() => Structural.AssertEqual(settlement, settlement with { SettleTime = time.ToOffset(TimeSpan.Zero) }));
        Assert.Throws<TrueException>(() => Structural.AssertEqual(settlement, settlement with { Postings = settlement.Postings.Take(5).ToArray() }));
        Assert.Throws<TrueException>(() => Structural.AssertEqual(GigSamples.State,
            GigSamples.State with { Requests = GigSamples.State.Requests with { HashByRequestId = GigSamples.State.Requests.HashByRequestId.SetItem("req-1", "x") } }));
        Assert.Throws<TrueException>(() => Structural.AssertEqual(GigSamples.State, GigSamples.State with { Status = GigStatus.Settled }));
    }

    // Proves the coverage check names a property that is null everywhere in a sample.
    [Fact]
    public void Coverage_names_never_populated_properties() =>
        Assert.Contains("GigCancelled.Settlement", Coverage.NeverPopulated(new GigCancelled("g-1", "r", "h", SampleValues.Time, "x", null)));
}
