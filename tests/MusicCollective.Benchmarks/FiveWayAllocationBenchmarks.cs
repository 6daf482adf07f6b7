using BenchmarkDotNet.Attributes;
using MusicCollective.Domain.Allocation;

namespace MusicCollective.Benchmarks;

/// <summary>
/// Measures one 5-way Allocator.Allocate call (a leader and four members, 1.5 : 1), the gig-sized case the issue's
/// target is about: ≤ 500 ns/op and one heap allocation (the 5-long result, 64 bytes). Every input leaves a remainder,
/// so every call hashes the (key, id) pairs and sorts the tied members.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class FiveWayAllocationBenchmarks
{
    private static readonly string[] RecipientIds = ["m-101", "m-102", "m-103", "m-104", "m-105"];
    private static readonly long[] IntegerWeights = [3, 2, 2, 2, 2];
    private static readonly decimal[] DecimalWeights = [1.5m, 1m, 1m, 1m, 1m];

    private long[] _amounts = [];
    private string[] _keys = [];
    private int _cursor;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(BenchmarkInputs.Seed);
        // 100.00 to 20,000.00 EUR in cents: a realistic gig pool.
        _amounts = BenchmarkInputs.AmountsWithRemainder(random, 10_000, 2_000_000, IntegerWeights);
        _keys = BenchmarkInputs.Keys(random, "gig-");
    }

    [Benchmark]
    public long[] IntegerWeights5()
    {
        var i = BenchmarkInputs.Advance(ref _cursor);
        return Allocator.Allocate(_amounts[i], IntegerWeights, RecipientIds, _keys[i]);
    }

    [Benchmark]
    public long[] DecimalWeights5()
    {
        var i = BenchmarkInputs.Advance(ref _cursor);
        return Allocator.Allocate(_amounts[i], DecimalWeights, RecipientIds, _keys[i]);
    }
}
