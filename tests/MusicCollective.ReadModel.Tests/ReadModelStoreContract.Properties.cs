using CsCheck;
using MusicCollective.ReadModel;

namespace MusicCollective.ReadModel.Tests;

/// <summary>
/// Property: many random balanced transactions, applied in random batches, some batches applied again (the same
/// batch, an older batch with its older offset, or an older batch merged into a new one). Afterwards every balance
/// equals the sum computed in memory, every posting is listed once in order, and the ledger sums to zero.
/// </summary>
public abstract partial class ReadModelStoreContract
{
    /// <summary>Random scenarios per engine (each in its own database).</summary>
    private const int ScenarioCount = 20;

    private static readonly string[] Accounts =
    [
        "fund", "income/gigs", "income/labels/l-1", "payouts/pending", "member/m-1", "member/m-2", "member/m-10",
        "member/o'brien", "suspense/l-1", "recoup/NLA0R2500001",
    ];

    private static readonly string[] Currencies = ["EUR", "JPY", "BHD"];

    /// <summary>One currency's side of a transaction: some postings, and an account that takes the balance.</summary>
    public sealed record LegSpec(int Currency, (int Account, long Amount)[] Postings, int Balancer);

    public sealed record Scenario(LegSpec[][] Transactions, int[] BatchSizes, int[] Replays, int[] Picks);

    private static readonly Gen<LegSpec> GenLeg =
        from currency in Gen.Int[0, Currencies.Length - 1]
        from postings in Gen.Select(Gen.Int[0, Accounts.Length - 1], Gen.Long[-1_000_000_000, 1_000_000_000]).Array[1, 6]
        from balancer in Gen.Int[0, Accounts.Length - 1]
        select new LegSpec(currency, postings, balancer);

    private static readonly Gen<Scenario> GenScenario =
        from transactions in GenLeg.Array[1, 2].Array[1, 150]
        from batchSizes in Gen.Int[1, 40].Array[1, 10]
        from replays in Gen.Int[0, 4].Array[1, 10]
        from picks in Gen.Int[0, 1_000].Array[1, 10]
        select new Scenario(transactions, batchSizes, replays, picks);

    [Fact]
    public async Task Random_batches_with_replays_keep_every_balance_equal_to_the_sum_in_memory()
    {
        await GenScenario.SampleAsync(RunScenarioAsync, writeLine: Output.WriteLine, iter: ScenarioCount, threads: 1);
    }

    private async Task RunScenarioAsync(Scenario scenario)
    {
        var connectionString = await NewDatabaseAsync();
        await using var store = new SqlReadModelStore(Kind, connectionString);
        await store.EnsureSchemaAsync(Ct);

        var transactions = scenario.Transactions.Select(ToTransaction).ToList();
        var batches = new List<LedgerTransactionRow[]>();
        for (var start = 0; start < transactions.Count; start += batches[^1].Length)
        {
            var size = scenario.BatchSizes[batches.Count % scenario.BatchSizes.Length];
            batches.Add(transactions.Skip(start).Take(size).ToArray());
        }
        Assert.Equal(transactions.Count, batches.Sum(b => b.Length));

        for (var k = 0; k < batches.Count; k++)
        {
            await ApplyAsync(k + 1, batches[k]);
            var earlier = scenario.Picks[k % scenario.Picks.Length] % (k + 1);
            switch (scenario.Replays[k % scenario.Replays.Length])
            {
                case 2: // the same batch again: a retry after a lost acknowledgement
                    await ApplyAsync(k + 1, batches[k]);
                    break;
                case 3: // an older batch with its older offset: a replay from before the stored offset
                    await ApplyAsync(earlier + 1, batches[earlier]);
                    break;
                case 4: // an older batch's transactions inside a new batch
                    await ApplyAsync(k + 1, [.. batches[earlier], .. batches[k]]);
                    break;
            }
        }

        var expected = new Dictionary<string, SortedDictionary<string, long>>();
        foreach (var posting in transactions.SelectMany(t => t.Postings))
        {
            var balances = expected.TryGetValue(posting.Account, out var b) ? b : expected[posting.Account] = new(StringComparer.Ordinal);
            balances[posting.Currency] = balances.GetValueOrDefault(posting.Currency) + posting.AmountMinor;
        }
        foreach (var account in Accounts)
        {
            var want = expected.TryGetValue(account, out var balances)
                ? balances.Select(kv => new CurrencyAmount(kv.Key, kv.Value)).ToList()
                : [];
            Assert.Equal(want, await store.GetBalancesAsync(account, Ct));
        }
        var check = await store.CheckLedgerAsync(Ct);
        Assert.True(check.Balanced);
        Assert.Equal(transactions.Count, check.TransactionCount);
        Assert.Equal(transactions.Sum(t => t.Postings.Count), check.PostingCount);
        Assert.Equal(batches.Count, await store.GetOffsetAsync("ledger", Ct));
        foreach (var account in (string[])["member/o'brien", "fund"])
        {
            var want = transactions.SelectMany(t => t.Postings.Where(p => p.Account == account)
                .Select(p => (t.TransactionId, p.PostingIndex, p.AmountMinor)));
            var got = (await AllEntriesAsync(store, account, pageSize: 3))
                .Select(e => (e.TransactionId, e.Posting.PostingIndex, e.Posting.AmountMinor));
            Assert.Equal(want, got);
        }

        Task ApplyAsync(long offset, IEnumerable<LedgerTransactionRow> batch) =>
            store.ApplyAsync("ledger", offset, [.. batch.Select(Rows.Append)], Ct);
    }

    private static LedgerTransactionRow ToTransaction(LegSpec[] legs, int number)
    {
        var postings = new List<LedgerPostingRow>();
        foreach (var leg in legs)
        {
            var currency = Currencies[leg.Currency];
            foreach (var (account, amount) in leg.Postings)
            {
                postings.Add(Rows.Posting(postings.Count, Accounts[account], currency, amount));
            }
            postings.Add(Rows.Posting(postings.Count, Accounts[leg.Balancer], currency, -leg.Postings.Sum(p => p.Amount)));
        }
        return new LedgerTransactionRow($"t-{number:D4}", Rows.StoredTime, $"gigs/g-{number}", "random", postings);
    }
}
