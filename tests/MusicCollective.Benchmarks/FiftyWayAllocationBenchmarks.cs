using BenchmarkDotNet.Attributes;
using MusicCollective.Domain.Allocation;

namespace MusicCollective.Benchmarks;

/// <summary>
/// Measures one 50-way Allocator.Allocate call (a large ensemble or a long split sheet) with mixed weights, through the
/// integer-weight and the decimal-weight overloads. Scratch space is on the stack at this size, so the only heap
/// allocation should be the 50-long result (424 bytes). Every input leaves a remainder.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class FiftyWayAllocationBenchmarks
{
    private const int Recipients = 50;

    private string[] _recipientIds = [];
    private long[] _integerWeights = [];
    private decimal[] _decimalWeights = [];
    private long[] _amounts = [];
    private string[] _keys = [];
    private int _cursor;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(BenchmarkInputs.Seed);
        _recipientIds = Enumerable.Range(1001, Recipients).Select(n => $"m-{n}").ToArray();
        // Weights 1–4: several recipients share each weight, so the leftover units are decided by tie-break hashes.
        _integerWeights = Enumerable.Range(0, Recipients).Select(_ => (long)random.Next(1, 5)).ToArray();
        // The same ratios with decimals (0.25 steps), as a split sheet or role table would state them.
        _decimalWeights = _integerWeights.Select(w => w * 0.25m).ToArray();
        // 100.00 to 1,000,000.00 EUR in cents.
        _amounts = BenchmarkInputs.AmountsWithRemainder(random, 10_000, 100_000_000, _integerWeights);
        _keys = BenchmarkInputs.Keys(random, "stmt-", "/GBAYE0601498");
    }

    [Benchmark]
    public long[] IntegerWeights50()
    {
        var i = BenchmarkInputs.Advance(ref _cursor);
        return Allocator.Allocate(_amounts[i], _integerWeights, _recipientIds, _keys[i]);
    }

    [Benchmark]
    public long[] DecimalWeights50()
    {
        var i = BenchmarkInputs.Advance(ref _cursor);
        return Allocator.Allocate(_amounts[i], _decimalWeights, _recipientIds, _keys[i]);
    }
}
