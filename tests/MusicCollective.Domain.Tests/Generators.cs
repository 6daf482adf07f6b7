using CsCheck;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;
using MusicCollective.Domain.Recordings;

namespace MusicCollective.Domain.Tests;

/// <summary>One allocation input: an amount in minor units, recipients with integer weights, and the allocation key.</summary>
internal sealed record AllocationCase(long Amount, long[] Weights, string[] Ids, string Key)
{
    public override string ToString() =>
        $"Allocate({Amount}, [{string.Join(", ", Weights)}], [{string.Join(", ", Ids.Select(i => $"\"{i}\""))}], \"{Key}\")";
}

/// <summary>A sequence of royalty statements for one recording (each a list of line amounts) and the rules that divide them.</summary>
internal sealed record RoyaltyCase(
    Currency Currency,
    SplitPolicy Policy,
    SplitSheet SplitSheet,
    RecoupableBalance? Recoupable,
    decimal[][] Statements)
{
    public override string ToString() =>
        $"{Currency} fund {Policy.RoyaltyFundRate}, sheet [{string.Join(", ", SplitSheet.Shares.Select(s => $"{s.PayeeId} {s.Percentage}%"))}], " +
        $"recoupable {(Recoupable is null ? "none" : $"{Recoupable.Remaining} at {Recoupable.Rate}")}, " +
        $"statements [{string.Join(" | ", Statements.Select(s => string.Join(", ", s)))}]";
}

/// <summary>CsCheck generators shared by the property tests.</summary>
internal static class Generators
{
    /// <summary>Random cases each property test runs in the normal test run (the issue asks for at least 100,000).</summary>
    public const long PropertyIterations = 100_000;

    /// <summary>Currencies with every exponent the platform meets: JPY 0, EUR 2, BHD 3, CLF 4.</summary>
    public static readonly Gen<Currency> Currencies =
        Gen.OneOf(Currency.Eur, Currency.Of("JPY"), Currency.Of("BHD"), Currency.Of("CLF"));

    /// <summary>Allocation keys: gig-id-like ASCII, or arbitrary Unicode (including lone surrogates) to stress the hash.</summary>
    public static readonly Gen<string> AllocationKeys =
        Gen.OneOf<string>(Gen.Char.AlphaNumeric.Array[1, 12].Select(c => "gig-" + new string(c)), Gen.String[1, 16]);

    /// <summary>Amounts to allocate: tiny (many zero parts), everyday, and up to long.MaxValue (the Int128 path).</summary>
    public static readonly Gen<long> AllocationAmounts =
        Gen.OneOf<long>(Gen.Long[0, 100], Gen.Long[0, 10_000_000], Gen.Long[0, long.MaxValue]);

    /// <summary>
    /// Generators of integer weights, one chosen per case: 1–3 (ties everywhere, so the hash decides), everyday, large,
    /// near long.MaxValue (Σw overflows a long: the allocator's Int128 path), and a mix of all of these.
    /// </summary>
    public static readonly Gen<Gen<long>> WeightRegimes =
        Gen.OneOf<Gen<long>>(Gen.Long[1, 3], Gen.Long[1, 1_000], Gen.Long[1, 1L << 40],
            Gen.Long[long.MaxValue / 64, long.MaxValue],
            Gen.OneOf<long>(Gen.Long[1, 3], Gen.Long[1, 1_000], Gen.Long[1, 1L << 40], Gen.Long[long.MaxValue / 64, long.MaxValue]));

    /// <summary>Distinct, non-blank recipient ids: mostly member-like ASCII, one in five arbitrary Unicode.</summary>
    public static Gen<string[]> RecipientIds(int count) => RecipientId.Array[count].Select(Distinct);

    // Blank ids are bad input (Required), so they are left to the validation tests.
    private static readonly Gen<string> RecipientId =
        Gen.Frequency<string>(
            (4, Gen.Char.AlphaNumeric.Array[1, 8].Select(c => "m-" + new string(c))),
            (1, Gen.String[1, 8].Where(s => !string.IsNullOrWhiteSpace(s))));

    // Makes ids distinct by suffixing repeats with their position (cheaper than CsCheck's ArrayUnique).
    private static string[] Distinct(string[] ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            while (!seen.Add(ids[i])) ids[i] += $"~{i}";
        }
        return ids;
    }

    /// <summary>Allocation inputs with 1–40 recipients.</summary>
    public static readonly Gen<AllocationCase> Allocations =
        from count in Gen.Int[1, 40]
        from weightGen in WeightRegimes
        from weights in weightGen.Array[count]
        from ids in RecipientIds(count)
        from amount in AllocationAmounts
        from key in AllocationKeys
        select new AllocationCase(amount, weights, ids, key);

    /// <summary>A fraction in [0, 1) with at most six decimals (a fund rate), often 0, the everyday 3%, or the 99.9999% edge.</summary>
    public static readonly Gen<decimal> FundRates =
        Gen.OneOf<decimal>(Gen.Const(0m), Gen.Const(0.03m), Gen.Const(0.999999m), Gen.Int[0, 999_999].Select(i => i / 1_000_000m));

    /// <summary>A role weight &gt; 0 with up to four decimals (leader 1.5, member 1, 0.3333).</summary>
    public static readonly Gen<decimal> RoleWeights =
        Gen.Select(Gen.Int[1, 100_000], Gen.Int[0, 4], (units, places) => units / Pow10.Decimal(places));

    /// <summary>
    /// Gig settlement requests: a random policy (fund rate, 1–4 weighted roles, 0–3 fixed-fee roles), a line-up of
    /// 1–10 and 0–6 expenses. Fees go up to long.MaxValue / 32 (so every claim total still fits a ledger amount).
    /// Claims (expenses and fixed fees) are scaled to the fee in one of three regimes — small, up to half, or up to
    /// twice the fee — so expenses larger than the fee and fixed fees larger than what is left are frequent.
    /// </summary>
    public static readonly Gen<GigSettlementRequest> GigRequests =
        from currency in Currencies
        from fee in Gen.OneOf<long>(Gen.Long[0, 1_000], Gen.Long[0, 10_000_000], Gen.Long[0, 1_000_000_000_000],
            Gen.Long[0, long.MaxValue / 32])
        from claimMax in Gen.OneOf(fee / 20 + 1, fee / 2 + 1, 2 * fee + 10)
        from fundRate in FundRates
        from weights in RoleWeights.Array[1, 4]
        from fixedFees in Gen.Long[0, claimMax].Array[0, 3]
        from lineupSize in Gen.Int[1, 10]
        from payees in RecipientIds(lineupSize)
        from roleIndexes in Gen.Int[0, weights.Length + fixedFees.Length - 1].Array[lineupSize]
        from expenses in Gen.Select(Gen.Int[0, lineupSize], Gen.Long[0, claimMax]).Array[0, 6]
        from day in Gen.Int[0, 3_000]
        select BuildGig(currency, fee, fundRate, weights, fixedFees, payees, roleIndexes, expenses, day);

    private static GigSettlementRequest BuildGig(Currency currency, long fee, decimal fundRate, decimal[] weights,
        long[] fixedFees, string[] payees, int[] roleIndexes, (int PayerIndex, long Amount)[] expenses, int day)
    {
        var roleWeights = weights.Select((w, i) => new RoleWeight($"weighted-{i}", w)).ToArray();
        var fixedFeeRoles = fixedFees.Select((f, i) => new FixedFee($"fixed-{i}", new Money(f, currency))).ToArray();
        var roles = roleWeights.Select(r => r.Role).Concat(fixedFeeRoles.Select(f => f.Role)).ToArray();
        var policy = SplitPolicy.Create("random", 1, new DateOnly(2020, 1, 1).AddDays(day), fundRate, 0m,
            roleWeights, fixedFeeRoles);
        var lineup = new LineupEntry[payees.Length];
        for (var i = 0; i < payees.Length; i++)
        {
            // The first performer always has a weighted role, so someone shares what is left.
            var role = i == 0 ? roles[roleIndexes[i] % weights.Length] : roles[roleIndexes[i]];
            lineup[i] = new LineupEntry(payees[i], role, IsHired: policy.FixedFeeOf(role) is not null);
        }
        // A payer index equal to the line-up size is someone outside the line-up (the manager who hired the van).
        var gigExpenses = expenses.Select((e, i) => new GigExpense($"exp-{i}",
            e.PayerIndex < payees.Length ? payees[e.PayerIndex] : "outside-payer", new Money(e.Amount, currency),
            $"expense {i}", $"receipt-{i}")).ToArray();
        return new GigSettlementRequest($"gig-{day}-{fee}", $"tx-gig-{day}-{fee}", new Money(fee, currency), lineup,
            gigExpenses, policy);
    }

    /// <summary>
    /// Royalty line amounts with 0–10 decimals in three sizes: below a cent (pure residue), up to 100 and up to a
    /// million major units; negative amounts (adjustments, clawbacks) are as likely as positive ones.
    /// </summary>
    public static readonly Gen<decimal> RoyaltyLines =
        from places in Gen.Int[0, PreciseAmount.DecimalPlacesMax]
        from sizeExponent in Gen.OneOf(-2, 2, 6)
        let bound = sizeExponent + places < 0 ? 0 : Pow10.Long(sizeExponent + places)
        from mantissa in Gen.Long[-bound, bound]
        select ExactDecimal(mantissa, places);

    /// <summary>Split sheets of 1–6 payees whose percentages (0–6 decimals) sum to exactly 100.</summary>
    public static readonly Gen<SplitSheet> SplitSheets =
        from count in Gen.Int[1, 6]
        from raw in Gen.Int[1, 1_000].Array[count]
        from ids in RecipientIds(count)
        from places in Gen.Int[0, SplitSheet.PercentageDecimalPlacesMax]
        select BuildSplitSheet(raw, ids, places);

    private static SplitSheet BuildSplitSheet(int[] raw, string[] ids, int places)
    {
        // Percentages in units of 10^-places %: each payee's proportional floor (at least one unit), the rest to the
        // last payee; payees whose floor leaves nothing for the last are dropped.
        var total = 100 * Pow10.Long(places);
        var rawSum = raw.Sum(r => (long)r);
        var units = raw.Select(r => Math.Max(1, total * r / rawSum)).ToArray();
        units[^1] += total - units.Sum();
        if (units[^1] <= 0) units = [.. Enumerable.Repeat(0L, raw.Length - 1), total];
        var shares = units.Select((u, i) => (Units: u, Index: i)).Where(x => x.Units > 0)
            .Select(x => new SplitShare(ids[x.Index], x.Units / Pow10.Decimal(places))).ToArray();
        return SplitSheet.Create(shares);
    }

    /// <summary>Royalty inputs: 1–8 statements of 1–4 lines each, with or without a recoupable balance.</summary>
    public static readonly Gen<RoyaltyCase> RoyaltyCases =
        from currency in Currencies
        from fundRate in FundRates
        from sheet in SplitSheets
        from recoupable in Gen.Select(Gen.Bool, Gen.Long[0, 50_000_000], Gen.OneOf<int>(Gen.Const(1_000_000), Gen.Int[1, 1_000_000]))
        from statements in RoyaltyLines.Array[1, 4].Array[1, 8]
        select new RoyaltyCase(currency,
            SplitPolicy.Create("royalty", 1, new DateOnly(2024, 1, 1), 0.03m, fundRate, [new RoleWeight("member", 1m)]),
            sheet,
            recoupable.Item1
                ? RecoupableBalance.Create(new Money(recoupable.Item2, currency), recoupable.Item3 / 1_000_000m, "label-advance")
                : null,
            statements);

    /// <summary>mantissa × 10^-scale, built exactly (no division, no rounding).</summary>
    public static decimal ExactDecimal(long mantissa, int scale)
    {
        var magnitude = (ulong)Math.Abs(mantissa);
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, mantissa < 0,
            (byte)scale);
    }
}
