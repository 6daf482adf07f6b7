using BenchmarkDotNet.Attributes;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Benchmarks;

/// <summary>
/// Measures a whole GigWaterfall.Settle: validation, 3% fund, one expense reimbursed, a hired substitute's fixed fee,
/// the remainder shared by a leader (1.5) and four members (1), explanations and the balanced ledger transaction.
/// This is the end-to-end cost of settling one gig; the allocator is a small part of it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class GigWaterfallBenchmarks
{
    // The sharing roles' weights (leader 1.5, four members 1) as integers with the same ratios.
    private static readonly long[] ShareWeights = [3, 2, 2, 2, 2];

    private GigSettlementRequest[] _requests = [];
    private int _cursor;

    [GlobalSetup]
    public void Setup()
    {
        var eur = Currency.Eur;
        var policy = SplitPolicy.Create("standard", 1, new DateOnly(2025, 1, 1), gigFundRate: 0.03m,
            royaltyFundRate: 0.03m,
            [new RoleWeight("leader", 1.5m), new RoleWeight("member", 1m)],
            [new FixedFee("substitute", new Money(15_000, eur))]);
        LineupEntry[] lineup =
        [
            new("m-101", "leader"), new("m-102", "member"), new("m-103", "member"), new("m-104", "member"),
            new("m-105", "member"), new("h-201", "substitute", IsHired: true),
        ];
        GigExpense[] expenses = [new("exp-1", "m-102", new Money(4_590, eur), "van fuel", "rcpt-88213")];

        var random = new Random(BenchmarkInputs.Seed);
        var gigIds = BenchmarkInputs.Keys(random, "gig-");
        _requests = new GigSettlementRequest[BenchmarkInputs.Count];
        for (var i = 0; i < _requests.Length;)
        {
            // 800.00 to 5,000.00 EUR: always enough to reach the shares step after fund, expense and fixed fee.
            var fee = random.NextInt64(80_000, 500_000);
            // Keep fees whose share pool (after the 3% fund rounded half-to-even, the expense and the fixed fee)
            // leaves a remainder among the 1.5 : 1 weights, so the shares step reaches the tie-break path.
            var fund = (long)decimal.Round(fee * 0.03m, 0, MidpointRounding.ToEven);
            var pool = fee - fund - 4_590 - 15_000;
            if (BenchmarkInputs.Leftover(pool, ShareWeights) == 0) continue;
            _requests[i] = new GigSettlementRequest(gigIds[i], $"txn-{gigIds[i]}", new Money(fee, eur), lineup,
                expenses, policy);
            i++;
        }
    }

    [Benchmark]
    public GigSettlement Settle()
    {
        return GigWaterfall.Settle(_requests[BenchmarkInputs.Advance(ref _cursor)]);
    }
}
