using System.Diagnostics;

namespace MusicCollective.Api.Tests;

/// <summary>
/// A PostgreSQL outage while gigs are being settled: the calls made during it fail and store nothing; once the
/// database is back, retrying them with their request ids completes each exactly once, and balances and ledger are
/// exact. The outage is real for the server: its database refuses connections and its open ones are cut.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresFixture postgres, SharedServer shared) : ApiTestBase(shared)
{
    // Long enough for the call to reach the entity and fail there, short enough to keep the test quick.
    private static readonly TimeSpan CallDeadlineDuringOutage = TimeSpan.FromSeconds(4);

    // Entities stopped by a failed write start again on the next call; the projection backs off up to 10 s.
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    protected override bool UsesSharedServer => false;

    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewPostgresAsync(postgres);

    /// <summary>Proves calls during an outage fail without effect, their retries afterwards settle each gig once, and balances, entries and ledger are exact.</summary>
    [Fact]
    public async Task Outage_loses_nothing_and_retries_settle_exactly_once()
    {
        var storage = (PostgresStorage)await NewStorageAsync();
        await using var server = await TestServer.StartAsync(storage);
        var world = await SeedBandAsync(server);
        var partner = server.As(Tokens.Partner(world.PartnerId));

        // Before: one gig settled, one performed and waiting for its fee.
        var before = await partner.Gigs.RegisterGigAsync(world.Gig(1000.00m, Day(2026, 3, 1), world.DuoLineup()));
        await PerformAndSettleAsync(partner, before.GigId, 1000.00m);
        var waiting = await partner.Gigs.RegisterGigAsync(world.Gig(2000.00m, Day(2026, 3, 8), world.DuoLineup()));
        await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = waiting.GigId });
        var fee = new RecordFeeReceivedRequest { RequestId = NewRequestId(), GigId = waiting.GigId, Fee = Eur(2000.00m) };
        var registerDuring = world.Gig(500.00m, Day(2026, 3, 15), world.DuoLineup());

        await using (await storage.RefuseConnectionsAsync())
        {
            await Assert.ThrowsAsync<RpcException>(async () => await partner.Gigs.RecordFeeReceivedAsync(fee,
                deadline: DateTime.UtcNow + CallDeadlineDuringOutage));
            await Assert.ThrowsAsync<RpcException>(async () => await partner.Gigs.RegisterGigAsync(registerDuring,
                deadline: DateTime.UtcNow + CallDeadlineDuringOutage));
        }
        Assert.Equal(2, await storage.CountEventsAsync($"gig-{waiting.GigId}"));
        Assert.Equal(0, await storage.CountEventsAsync($"gig-{registerDuring.GigId}"));

        // After: the same requests, retried until the server has its database back, complete once.
        var settled = await RetryUntilServedAsync(() => partner.Gigs.RecordFeeReceivedAsync(fee).ResponseAsync);
        Assert.Equal(GigStatus.Settled, settled.Status);
        Assert.Equal(settled, await partner.Gigs.RecordFeeReceivedAsync(fee));
        var registered = await RetryUntilServedAsync(() => partner.Gigs.RegisterGigAsync(registerDuring).ResponseAsync);
        Assert.Equal(registered, await partner.Gigs.RegisterGigAsync(registerDuring));
        await PerformAndSettleAsync(partner, registered.GigId, 500.00m);
        Assert.Equal(3, await storage.CountEventsAsync($"gig-{waiting.GigId}"));
        Assert.Equal(3, await storage.CountEventsAsync($"gig-{registerDuring.GigId}"));

        // 3 % fund, the rest 1.5 : 1 — 1000.00 → 582.00 + 388.00; 2000.00 → 1164.00 + 776.00; 500.00 → 291.00 + 194.00.
        var expected = new Dictionary<string, decimal> { [world.Leader] = 2037.00m, [world.Member] = 1358.00m };
        await Eventually.Holds(async () =>
            Assert.Equal(expected.OrderBy(e => e.Key), (await BalancesAsync(server.Admin, expected)).OrderBy(e => e.Key)),
            RecoveryTimeout);
        var ledger = await SettledLedgerAsync(server.Treasurer);
        AssertBalanced(ledger);
        Assert.Equal(3, ledger.TransactionCount);
        var leaderEntries = await AllEntriesAsync(server.Admin, world.Leader);
        Assert.Equal(3, leaderEntries.Count);
        Assert.Equal(3, leaderEntries.Select(e => e.TransactionId).Distinct().Count());
    }

    private static async Task<T> RetryUntilServedAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.Internal
                                                 or StatusCode.DeadlineExceeded && clock.Elapsed < RecoveryTimeout)
            {
                await Task.Delay(Eventually.Interval);
            }
        }
    }
}
