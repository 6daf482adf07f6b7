namespace MusicCollective.Api.Tests;

/// <summary>
/// Stopping the server and starting another on the same storage: entities recover from the journal, the read model
/// keeps its balances without counting anything twice, and the new server settles new gigs; histories longer than a
/// snapshot interval come back whole (a gig replays them all, a band starts from its snapshot). Run on SQLite (same
/// folder) and PostgreSQL (same database).
/// </summary>
public abstract class RestartTests(SharedServer shared) : ApiTestBase(shared)
{
    /// <summary>How long to keep watching that a restarted projection does not apply old events again.</summary>
    private static readonly TimeSpan SettleWatch = TimeSpan.FromSeconds(1.5);

    // More events than the entities' snapshot interval (100), so the band has taken a snapshot and the gig would have.
    private const int ExpenseCount = 130;
    private const int PartnerRounds = 60;

    /// <inheritdoc />
    protected override bool UsesSharedServer => false;

    /// <summary>Proves members, band, a settled gig, balances and the balanced ledger survive a restart unchanged (nothing doubled), old request ids are still recognised and answered with their first answer, and a new gig settles afterwards.</summary>
    [Fact]
    public async Task Restart_keeps_state_and_balances_and_settles_new_gigs()
    {
        var storage = await NewStorageAsync();
        try
        {
            BandWorld world;
            Gig registered, settled;
            RegisterGigRequest registerRequest;
            RecordFeeReceivedRequest feeRequest;
            CheckLedgerResponse before;
            var expected = new Dictionary<string, decimal>();
            await using (var first = await TestServer.StartAsync(storage))
            {
                world = await SeedBandAsync(first);
                var partner = first.As(Tokens.Partner(world.PartnerId));
                registerRequest = world.Gig(2000.00m, Day(2026, 5, 1));
                registered = await partner.Gigs.RegisterGigAsync(registerRequest);
                await partner.Gigs.AddExpenseAsync(new AddExpenseRequest
                {
                    RequestId = NewRequestId(), GigId = registered.GigId,
                    Expense = new Expense { ExpenseId = "fuel", PaidBy = world.Member, Description = "Van fuel", Amount = Eur(80.00m), ReceiptReference = "R-1" },
                });
                await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = registered.GigId });
                feeRequest = new RecordFeeReceivedRequest { RequestId = NewRequestId(), GigId = registered.GigId, Fee = Eur(2000.00m) };
                settled = await partner.Gigs.RecordFeeReceivedAsync(feeRequest);
                expected[world.Leader] = 732.86m;
                expected[world.Member] = 568.57m;
                expected[world.Member2] = 488.57m;
                expected[world.Substitute] = 150.00m;
                await WaitForBalancesAsync(first.Admin, expected);
                before = await CheckLedgerAsync(first.Treasurer);
                AssertBalanced(before);
            }

            await using var second = await TestServer.StartAsync(storage);
            var admin = second.Admin;
            foreach (var memberId in (string[])[world.Leader, world.Member, world.Member2])
            {
                var member = await admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = memberId });
                Assert.Equal(($"Musician {memberId}", $"{memberId}@example.org"), (member.DisplayName, member.Email));
            }
            var band = await admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId });
            Assert.Equal(new[] { world.Leader, world.Member, world.Member2 }, band.Members.Select(m => m.MemberId).ToArray());
            Assert.Equal(BandWorld.StandardPolicy(), Assert.Single(band.SplitPolicies));
            Assert.Equal(world.PartnerId, Assert.Single(band.AuthorizedPartnerIds));
            var gigAfter = await admin.Gigs.GetGigAsync(new GetGigRequest { GigId = settled.GigId });
            Assert.Equal(GigStatus.Settled, gigAfter.Status);
            Assert.Equal(settled.Settlement, gigAfter.Settlement);
            Assert.Single(gigAfter.Expenses);

            // The read model was kept: the balances are there at once, and stay exact while the projection resumes.
            Assert.Equal(expected.OrderBy(e => e.Key), (await BalancesAsync(admin, expected)).OrderBy(e => e.Key));
            await Task.Delay(SettleWatch);
            Assert.Equal(expected.OrderBy(e => e.Key), (await BalancesAsync(admin, expected)).OrderBy(e => e.Key));
            var after = await CheckLedgerAsync(second.Treasurer);
            AssertBalanced(after);
            Assert.Equal((before.TransactionCount, before.PostingCount), (after.TransactionCount, after.PostingCount));

            // The gig's idempotency log was recovered too: a late retry of the fee gets the first answer, and so does
            // one of the registration (read back from the journal the new server recovered from: a booked gig).
            var partnerAfter = second.As(Tokens.Partner(world.PartnerId));
            var retried = await partnerAfter.Gigs.RecordFeeReceivedAsync(feeRequest);
            Assert.Equal(settled.Settlement, retried.Settlement);
            Assert.Equal(registered, await partnerAfter.Gigs.RegisterGigAsync(registerRequest));
            Assert.Equal(settled, await admin.Gigs.GetGigAsync(new GetGigRequest { GigId = settled.GigId }));

            // 1000.00 on the restarted server: fund 30.00, 970.00 shared 1.5 : 1 → 582.00 and 388.00.
            var newGig = await partnerAfter.Gigs.RegisterGigAsync(world.Gig(1000.00m, Day(2026, 7, 4), world.DuoLineup()));
            var newSettled = await PerformAndSettleAsync(partnerAfter, newGig.GigId, 1000.00m);
            Assert.Equal((30.00m, 970.00m), (newSettled.Settlement.Fund.ToDecimal(), newSettled.Settlement.Shares.ToDecimal()));
            expected[world.Leader] += 582.00m;
            expected[world.Member] += 388.00m;
            await WaitForBalancesAsync(admin, expected);
            var last = await CheckLedgerAsync(second.Treasurer);
            AssertBalanced(last);
            Assert.Equal(before.TransactionCount + 1, last.TransactionCount);
            await Eventually.Until(
                async () => (await admin.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId })).Gigs.Count,
                count => count == 2, "both gigs listed");
        }
        finally
        {
            storage.Delete();
        }
    }

    /// <summary>Proves a gig with 131 events and a band with 120 more events come back identical, and the gig then settles with every expense reimbursed.</summary>
    [Fact]
    public async Task Gig_and_band_with_long_histories_recover_whole_after_a_restart()
    {
        var storage = await NewStorageAsync();
        try
        {
            BandWorld world;
            Gig gigBefore;
            Band bandBefore;
            await using (var first = await TestServer.StartAsync(storage))
            {
                world = await SeedBandAsync(first);
                var partner = first.As(Tokens.Partner(world.PartnerId));
                gigBefore = await partner.Gigs.RegisterGigAsync(world.Gig(5000.00m, Day(2026, 6, 1)));
                for (var i = 0; i < ExpenseCount; i++)
                {
                    gigBefore = await partner.Gigs.AddExpenseAsync(new AddExpenseRequest
                    {
                        RequestId = NewRequestId(), GigId = gigBefore.GigId,
                        Expense = new Expense
                        {
                            ExpenseId = $"x{i:D3}", PaidBy = i % 2 == 0 ? world.Leader : world.Member,
                            Description = $"Expense {i}", Amount = Eur(1.00m + i / 100m), ReceiptReference = $"R-{i}",
                        },
                    });
                }
                // Authorise and revoke other partners: band events beyond its snapshot interval, ending authorised.
                for (var i = 0; i < PartnerRounds; i++)
                {
                    var other = $"other-app-{i % 3}";
                    await first.Admin.Bands.AuthorizePartnerAsync(new AuthorizePartnerRequest { RequestId = NewRequestId(), BandId = world.BandId, PartnerId = other });
                    await first.Admin.Bands.RevokePartnerAsync(new RevokePartnerRequest { RequestId = NewRequestId(), BandId = world.BandId, PartnerId = other });
                }
                bandBefore = await first.Admin.Bands.AuthorizePartnerAsync(new AuthorizePartnerRequest
                {
                    RequestId = NewRequestId(), BandId = world.BandId, PartnerId = "other-app-kept",
                });
            }

            await using var second = await TestServer.StartAsync(storage);
            var gigAfter = await second.Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = gigBefore.GigId });
            Assert.Equal(gigBefore, gigAfter);
            Assert.Equal(ExpenseCount, gigAfter.Expenses.Count);
            var bandAfter = await second.Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId });
            Assert.Equal(bandBefore, bandAfter);
            Assert.Equal(new[] { "other-app-kept", world.PartnerId }.Order(), bandAfter.AuthorizedPartnerIds.Order());

            // Σ expenses = 130 × 1.00 + (0 + 1 + … + 129) / 100 = 130.00 + 83.85.
            var settled = await PerformAndSettleAsync(second.As(Tokens.Partner(world.PartnerId)), gigBefore.GigId, 5000.00m);
            Assert.Equal(213.85m, settled.Settlement.Reimbursements.ToDecimal());
        }
        finally
        {
            storage.Delete();
        }
    }
}

/// <inheritdoc />
public sealed class SqliteRestartTests(SharedServer shared) : RestartTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewSqliteAsync();
}

/// <inheritdoc />
[Collection(PostgresCollection.Name)]
public sealed class PostgresRestartTests(PostgresFixture postgres, SharedServer shared) : RestartTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewPostgresAsync(postgres);
}
