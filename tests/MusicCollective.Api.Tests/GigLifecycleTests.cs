namespace MusicCollective.Api.Tests;

/// <summary>
/// A gig from registration to settled balances, as an admin, a partner app and members see it over gRPC: the
/// waterfall's amounts, the ledger entries naming gig and rule, the balanced ledger, cancellation with a kill fee, and
/// pagination of the lists. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class GigLifecycleTests(SharedServer shared) : ApiTestBase(shared)
{
    /// <summary>Proves a partner-registered gig settles fund → expenses → fixed fee → weighted shares to the exact cent, and balances, entries and the ledger check show it.</summary>
    [Fact]
    public async Task Gig_lifecycle_settles_the_waterfall_into_exact_balances()
    {
        var world = await SeedBandAsync();
        var band = await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId });
        Assert.Equal(3, band.Members.Count);
        Assert.Equal(world.PartnerId, Assert.Single(band.AuthorizedPartnerIds));
        var policy = Assert.Single(band.SplitPolicies);
        Assert.Equal(("0.03", 1), (policy.GigFundRate, policy.Version));

        var partner = PartnerOf(world);
        var registered = await partner.Gigs.RegisterGigAsync(world.Gig(2000.00m, Day(2026, 5, 1)));
        Assert.Equal(GigStatus.Booked, registered.Status);
        Assert.Equal(4, registered.Lineup.Count);
        Assert.True(registered.Lineup.Single(l => l.PayeeId == world.Substitute).Hired);
        var gigId = registered.GigId;

        var withExpense = await partner.Gigs.AddExpenseAsync(new AddExpenseRequest
        {
            RequestId = NewRequestId(), GigId = gigId,
            Expense = new Expense { ExpenseId = "fuel", PaidBy = world.Member, Description = "Van fuel", Amount = Eur(80.00m), ReceiptReference = "R-1001" },
        });
        Assert.Equal(80.00m, Assert.Single(withExpense.Expenses).Amount.ToDecimal());

        var settled = await PerformAndSettleAsync(partner, gigId, 2000.00m);

        // 2000.00: fund 3% = 60.00; bob's fuel 80.00; sam's fixed 150.00; 1710.00 shared 1.5 : 1 : 1.
        Assert.Equal(GigStatus.Settled, settled.Status);
        var s = settled.Settlement;
        Assert.NotNull(s);
        Assert.Equal((BandWorld.PolicyName, 1), (s.PolicyName, s.PolicyVersion));
        Assert.Equal(
            (2000.00m, 60.00m, 80.00m, 150.00m, 1710.00m),
            (s.Fee.ToDecimal(), s.Fund.ToDecimal(), s.Reimbursements.ToDecimal(), s.FixedFees.ToDecimal(), s.Shares.ToDecimal()));
        Assert.Equal(s.Fee.ToDecimal(), s.Fund.ToDecimal() + s.Reimbursements.ToDecimal() + s.FixedFees.ToDecimal() + s.Shares.ToDecimal());
        Assert.All(new[] { s.Fee, s.Fund, s.Reimbursements, s.FixedFees, s.Shares }, m => Assert.Equal("EUR", m.CurrencyCode));
        Assert.Equal(0m, s.Lines.Sum(l => l.Amount.ToDecimal()));
        var lines = s.Lines.Select(l => (l.Account, l.Rule, l.Amount.ToDecimal())).ToHashSet();
        Assert.Equal(new HashSet<(string, PostingRule, decimal)>
        {
            ("income/gigs", PostingRule.GigIncome, -2000.00m),
            ("fund", PostingRule.FundContribution, 60.00m),
            ($"member/{world.Member}", PostingRule.ExpenseReimbursement, 80.00m),
            ($"member/{world.Substitute}", PostingRule.FixedFee, 150.00m),
            ($"member/{world.Leader}", PostingRule.LineupShare, 732.86m),
            ($"member/{world.Member}", PostingRule.LineupShare, 488.57m),
            ($"member/{world.Member2}", PostingRule.LineupShare, 488.57m),
        }, lines);
        var leaderLine = s.Lines.Single(l => l.Account == $"member/{world.Leader}");
        Assert.Equal(("leader", "1.5"), (leaderLine.Role, leaderLine.Weight));
        Assert.False(string.IsNullOrWhiteSpace(leaderLine.Description));

        var read = await partner.Gigs.GetGigAsync(new GetGigRequest { GigId = gigId });
        Assert.Equal(GigStatus.Settled, read.Status);
        Assert.Equal(s, read.Settlement);

        await WaitForBalancesAsync(Admin, new Dictionary<string, decimal>
        {
            [world.Leader] = 732.86m,
            [world.Member] = 568.57m,
            [world.Member2] = 488.57m,
            [world.Substitute] = 150.00m,
        });
        Assert.Equal(732.86m, await BalanceAsync(AsMember(world.Leader), world.Leader));

        var bobEntries = await AllEntriesAsync(AsMember(world.Member), world.Member);
        Assert.Equal(2, bobEntries.Count);
        Assert.All(bobEntries, e =>
        {
            Assert.Equal($"gigs/{gigId}", e.Reference);
            Assert.Equal(s.TransactionId, e.TransactionId);
            Assert.Equal($"member/{world.Member}", e.Account);
            Assert.Equal((BandWorld.PolicyName, 1), (e.PolicyName, e.PolicyVersion));
            Assert.False(string.IsNullOrWhiteSpace(e.Description));
        });
        Assert.Equal(
            new[] { (PostingRule.ExpenseReimbursement, 80.00m), (PostingRule.LineupShare, 488.57m) },
            bobEntries.Select(e => (e.Rule, e.Amount.ToDecimal())).OrderBy(e => e.Rule).ToArray());
        var leaderEntry = Assert.Single(await AllEntriesAsync(Admin, world.Leader));
        Assert.Equal((PostingRule.LineupShare, "leader", "1.5", $"gigs/{gigId}"),
            (leaderEntry.Rule, leaderEntry.Role, leaderEntry.Weight, leaderEntry.Reference));

        var check = await CheckLedgerAsync(Treasurer);
        AssertBalanced(check);
        Assert.True(check.TransactionCount >= 1);
    }

    /// <summary>Proves a cancelled gig's kill fee is settled by the same waterfall, and a cancellation without one moves no money.</summary>
    [Fact]
    public async Task Cancelled_gig_settles_its_kill_fee()
    {
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var gig = await partner.Gigs.RegisterGigAsync(world.Gig(1200.00m, Day(2026, 6, 12), world.DuoLineup()));

        var cancelled = await partner.Gigs.CancelGigAsync(new CancelGigRequest
        {
            RequestId = NewRequestId(), GigId = gig.GigId, Reason = "Venue closed by the city", KillFee = Eur(300.00m),
        });

        // 300.00: fund 9.00; 291.00 shared 1.5 : 1 → 174.60 and 116.40.
        Assert.Equal(GigStatus.Cancelled, cancelled.Status);
        Assert.Equal("Venue closed by the city", cancelled.CancellationReason);
        var s = cancelled.Settlement;
        Assert.NotNull(s);
        Assert.Equal((300.00m, 9.00m, 0m, 0m, 291.00m),
            (s.Fee.ToDecimal(), s.Fund.ToDecimal(), s.Reimbursements.ToDecimal(), s.FixedFees.ToDecimal(), s.Shares.ToDecimal()));
        Assert.Equal(0m, s.Lines.Sum(l => l.Amount.ToDecimal()));

        var noKillFee = await partner.Gigs.RegisterGigAsync(world.Gig(900.00m, Day(2026, 6, 13), world.DuoLineup()));
        var cancelledFree = await partner.Gigs.CancelGigAsync(new CancelGigRequest
        {
            RequestId = NewRequestId(), GigId = noKillFee.GigId, Reason = "Band member ill",
        });
        Assert.Equal(GigStatus.Cancelled, cancelledFree.Status);
        Assert.Null(cancelledFree.Settlement);

        await WaitForBalancesAsync(Admin, new Dictionary<string, decimal>
        {
            [world.Leader] = 174.60m,
            [world.Member] = 116.40m,
            [world.Member2] = 0m,
        });
        var entry = Assert.Single(await AllEntriesAsync(Admin, world.Leader));
        Assert.Equal(($"gigs/{gig.GigId}", PostingRule.LineupShare, s.TransactionId), (entry.Reference, entry.Rule, entry.TransactionId));
        AssertBalanced(await CheckLedgerAsync(Treasurer));
        await Eventually.Holds(async () =>
        {
            var gigs = await ListAllGigsAsync(partner, world.BandId, pageSize: 1);
            Assert.All(gigs, g => Assert.Equal(GigStatus.Cancelled, g.Status));
            Assert.Equal(2, gigs.Count);
        });
    }

    /// <summary>Proves ListGigs pages one gig at a time through all of a band's gigs, newest date first, none twice, with their status.</summary>
    [Fact]
    public async Task ListGigs_walks_every_page_newest_date_first()
    {
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var dates = new[] { Day(2026, 3, 1), Day(2026, 5, 1), Day(2026, 4, 1) };
        var ids = new List<string>();
        foreach (var date in dates) ids.Add((await partner.Gigs.RegisterGigAsync(world.Gig(500.00m, date))).GigId);
        await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = ids[0] });

        var gigs = await Eventually.Until(() => ListAllGigsAsync(partner, world.BandId, pageSize: 1),
            list => list.Count == 3 && list.Single(g => g.GigId == ids[0]).Status == GigStatus.Performed,
            "three gigs listed, the first performed");

        Assert.Equal(new[] { ids[1], ids[2], ids[0] }, gigs.Select(g => g.GigId).ToArray());
        Assert.All(gigs, g =>
        {
            Assert.Equal(world.BandId, g.BandId);
            Assert.Equal(500.00m, g.AgreedFee.ToDecimal());
            Assert.Equal("EUR", g.AgreedFee.CurrencyCode);
        });
        Assert.Equal(new[] { GigStatus.Booked, GigStatus.Booked, GigStatus.Performed }, gigs.Select(g => g.Status).ToArray());
        var firstPage = await partner.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId, PageSize = 1 });
        Assert.Single(firstPage.Gigs);
        Assert.NotEqual("", firstPage.NextPageToken);
        var everything = await partner.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId });
        Assert.Equal(3, everything.Gigs.Count);
        Assert.Equal("", everything.NextPageToken);
    }

    /// <summary>Proves ListMembers and ListBands page through every row in id order, none twice, including the ones just created.</summary>
    [Fact]
    public async Task ListMembers_and_ListBands_walk_every_page_in_id_order()
    {
        var world = await SeedBandAsync();
        var mine = new[] { world.Leader, world.Member, world.Member2 };

        var members = await Eventually.Until(async () =>
        {
            var all = new List<Member>();
            var token = "";
            do
            {
                var page = await Treasurer.Members.ListMembersAsync(new ListMembersRequest { PageSize = 2, PageToken = token });
                Assert.InRange(page.Members.Count, 0, 2);
                all.AddRange(page.Members);
                token = page.NextPageToken;
            } while (token != "");
            return all;
        }, all => mine.All(id => all.Any(m => m.MemberId == id)), "the band's members listed");
        var memberIds = members.Select(m => m.MemberId).ToArray();
        Assert.Equal(memberIds.Order(StringComparer.Ordinal).ToArray(), memberIds);
        Assert.Equal(memberIds.Length, memberIds.Distinct().Count());
        Assert.Equal($"{world.Leader}@example.org", members.Single(m => m.MemberId == world.Leader).Email);

        var bands = await Eventually.Until(async () =>
        {
            var all = new List<Band>();
            var token = "";
            do
            {
                var page = await Admin.Bands.ListBandsAsync(new ListBandsRequest { PageSize = 1, PageToken = token });
                Assert.InRange(page.Bands.Count, 0, 1);
                all.AddRange(page.Bands);
                token = page.NextPageToken;
            } while (token != "");
            return all;
        }, all => all.Any(b => b.BandId == world.BandId), "the band listed");
        var bandIds = bands.Select(b => b.BandId).ToArray();
        Assert.Equal(bandIds.Order(StringComparer.Ordinal).ToArray(), bandIds);
        Assert.Equal(bandIds.Length, bandIds.Distinct().Count());
    }

    /// <summary>Proves gigs in JPY (no minor unit) and BHD (three decimals) settle in their own minor units, balances and the ledger check are kept per currency, and entries filter by currency.</summary>
    [Fact]
    public async Task Gigs_in_other_currencies_settle_in_their_own_minor_units()
    {
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var yen = world.Gig(0m, Day(2026, 10, 1), world.DuoLineup());
        yen.AgreedFee = Of("JPY", 123_457m);
        var yenGig = await partner.Gigs.RegisterGigAsync(yen);
        var dinar = world.Gig(0m, Day(2026, 10, 2), world.DuoLineup());
        dinar.AgreedFee = Of("BHD", 1.235m);
        var dinarGig = await partner.Gigs.RegisterGigAsync(dinar);

        await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = yenGig.GigId });
        var yenSettled = await partner.Gigs.RecordFeeReceivedAsync(new RecordFeeReceivedRequest
        {
            RequestId = NewRequestId(), GigId = yenGig.GigId, Fee = Of("JPY", 123_457m),
        });
        await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = dinarGig.GigId });
        var dinarSettled = await partner.Gigs.RecordFeeReceivedAsync(new RecordFeeReceivedRequest
        {
            RequestId = NewRequestId(), GigId = dinarGig.GigId, Fee = Of("BHD", 1.235m),
        });

        // ¥123,457: fund 3% = 3,703.71 → ¥3,704 (half-even); ¥119,753 shared 1.5 : 1 → ¥71,852 and ¥47,901.
        Assert.Equal(("JPY", 3_704m, 119_753m),
            (yenSettled.Settlement.Fund.CurrencyCode, yenSettled.Settlement.Fund.ToDecimal(), yenSettled.Settlement.Shares.ToDecimal()));
        Assert.All(yenSettled.Settlement.Lines, l => Assert.Equal(0, l.Amount.Nanos));
        // BHD 1.235: fund 0.03705 → 0.037; 1.198 shared 1.5 : 1 → 0.719 and 0.479.
        Assert.Equal((0.037m, 1.198m), (dinarSettled.Settlement.Fund.ToDecimal(), dinarSettled.Settlement.Shares.ToDecimal()));

        var expected = new[] { ("BHD", 0.719m), ("JPY", 71_852m) };
        var balances = await Eventually.Until(
            async () => (await Admin.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = world.Leader })).Balances
                .Select(b => (b.CurrencyCode, b.ToDecimal())).ToArray(),
            actual => actual.SequenceEqual(expected), "the leader's BHD and JPY balances");
        Assert.Equal(expected, balances);
        Assert.Equal(new[] { ("BHD", 0.479m), ("JPY", 47_901m) },
            (await Admin.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = world.Member })).Balances
                .Select(b => (b.CurrencyCode, b.ToDecimal())).ToArray());
        var yenEntries = await Admin.Accounts.ListEntriesAsync(new ListEntriesRequest { MemberId = world.Leader, CurrencyCode = "JPY" });
        Assert.Equal(($"gigs/{yenGig.GigId}", 71_852m), (Assert.Single(yenEntries.Entries).Reference, yenEntries.Entries[0].Amount.ToDecimal()));

        var check = await CheckLedgerAsync(Treasurer);
        AssertBalanced(check);
        Assert.Contains(check.Totals, t => t.CurrencyCode == "JPY");
        Assert.Contains(check.Totals, t => t.CurrencyCode == "BHD");
    }

    /// <summary>Proves twenty gigs settled at the same moment all reach the balances and the ledger, each exactly once (the projection skips no concurrent journal write).</summary>
    [Fact]
    public async Task Concurrent_settlements_of_many_gigs_all_reach_the_ledger()
    {
        const int gigsCount = 20;
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var gigs = await Task.WhenAll(Enumerable.Range(1, gigsCount).Select(day => Task.Run(async () =>
            await partner.Gigs.RegisterGigAsync(world.Gig(100.00m, Day(2026, 11, day), world.DuoLineup())))));
        await Task.WhenAll(gigs.Select(g => Task.Run(async () =>
            await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = g.GigId }))));

        var settled = await Task.WhenAll(gigs.Select(g => Task.Run(async () =>
            await partner.Gigs.RecordFeeReceivedAsync(new RecordFeeReceivedRequest { RequestId = NewRequestId(), GigId = g.GigId, Fee = Eur(100.00m) }))));

        // Each 100.00: fund 3.00; 97.00 shared 1.5 : 1 → 58.20 and 38.80.
        Assert.All(settled, g => Assert.Equal(GigStatus.Settled, g.Status));
        await WaitForBalancesAsync(Admin, new Dictionary<string, decimal>
        {
            [world.Leader] = gigsCount * 58.20m,
            [world.Member] = gigsCount * 38.80m,
        });
        var entries = await AllEntriesAsync(Admin, world.Leader, pageSize: 7);
        Assert.Equal(gigs.Select(g => $"gigs/{g.GigId}").Order(), entries.Select(e => e.Reference).Order());
        AssertBalanced(await CheckLedgerAsync(Treasurer));
    }

    /// <summary>Every gig of a band, walking pages of <paramref name="pageSize"/>.</summary>
    protected static async Task<List<GigSummary>> ListAllGigsAsync(Clients reader, string bandId, int pageSize)
    {
        var gigs = new List<GigSummary>();
        var token = "";
        do
        {
            var page = await reader.Gigs.ListGigsAsync(new ListGigsRequest { BandId = bandId, PageSize = pageSize, PageToken = token });
            Assert.InRange(page.Gigs.Count, 0, pageSize);
            gigs.AddRange(page.Gigs);
            token = page.NextPageToken;
        } while (token != "");
        return gigs;
    }
}

/// <inheritdoc />
public sealed class SqliteGigLifecycleTests(SharedServer shared) : GigLifecycleTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewSqliteAsync();
}

/// <inheritdoc />
[Collection(PostgresCollection.Name)]
public sealed class PostgresGigLifecycleTests(PostgresFixture postgres, SharedServer shared) : GigLifecycleTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewPostgresAsync(postgres);
}
