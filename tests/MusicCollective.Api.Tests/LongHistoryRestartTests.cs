namespace MusicCollective.Api.Tests;

/// <summary>
/// Entities whose history is longer than one snapshot interval recover whole after a restart: a gig, which never
/// snapshots and replays every event, and a band, which recovers from a snapshot plus the events after it. Run on
/// SQLite (same folder) and PostgreSQL (same database).
/// </summary>
public abstract class LongHistoryRestartTests(SharedServer shared) : ApiTestBase(shared)
{
    // More events than the entities' snapshot interval (100), so the band has taken a snapshot and the gig would have.
    private const int ExpenseCount = 130;
    private const int PartnerRounds = 60;

    /// <inheritdoc />
    protected override bool UsesSharedServer => false;

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
public sealed class SqliteLongHistoryRestartTests(SharedServer shared) : LongHistoryRestartTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewSqliteAsync();
}

/// <inheritdoc />
[Collection(PostgresCollection.Name)]
public sealed class PostgresLongHistoryRestartTests(PostgresFixture postgres, SharedServer shared) : LongHistoryRestartTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewPostgresAsync(postgres);
}
