namespace MusicCollective.Api.Tests;

/// <summary>
/// Base of every API test class: the class's server on the engine the concrete class picks (SQLite or PostgreSQL),
/// and the steps tests share — setting up a band as an admin, playing and settling a gig as its partner app, and
/// reading balances and the ledger check.
/// </summary>
public abstract class ApiTestBase(SharedServer shared) : IAsyncLifetime, IClassFixture<SharedServer>
{
    /// <summary>The class's server (shared by the class's tests).</summary>
    protected TestServer Server { get; private set; } = null!;

    /// <summary>Whether the class uses the shared server; a class that starts its own servers says false.</summary>
    protected virtual bool UsesSharedServer => true;

    /// <summary>Fresh, empty storage on the class's engine.</summary>
    protected abstract Task<ServerStorage> NewStorageAsync();

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        if (UsesSharedServer) Server = await shared.GetAsync(async () => await TestServer.StartAsync(await NewStorageAsync()));
    }

    /// <inheritdoc />
    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Clients as an admin.</summary>
    protected Clients Admin => Server.Admin;

    /// <summary>Clients as a treasurer.</summary>
    protected Clients Treasurer => Server.Treasurer;

    /// <summary>Clients as the partner app of <paramref name="world"/>.</summary>
    protected Clients PartnerOf(BandWorld world) => Server.As(Tokens.Partner(world.PartnerId));

    /// <summary>Clients as the member <paramref name="memberId"/>.</summary>
    protected Clients AsMember(string memberId) => Server.As(Tokens.Member(memberId));

    /// <summary>Registers a member as an admin.</summary>
    protected static async Task<Member> CreateMemberAsync(Clients admin, string memberId, string? name = null) =>
        await admin.Members.CreateMemberAsync(new CreateMemberRequest
        {
            RequestId = NewRequestId(),
            MemberId = memberId,
            DisplayName = name ?? $"Musician {memberId}",
            Email = $"{memberId}@example.org",
        });

    /// <summary>Sets up a band as <see cref="BandWorld"/> describes, on <see cref="Server"/>.</summary>
    protected Task<BandWorld> SeedBandAsync() => SeedBandAsync(Server);

    /// <summary>Sets up a band as <see cref="BandWorld"/> describes, on <paramref name="server"/>.</summary>
    protected static async Task<BandWorld> SeedBandAsync(TestServer server)
    {
        var admin = server.Admin;
        var world = new BandWorld(NewId("band"), NewId("alice"), NewId("bob"), NewId("carol"), NewId("sam"), NewId("partner"));
        foreach (var member in (string[])[world.Leader, world.Member, world.Member2]) await CreateMemberAsync(admin, member);
        await admin.Bands.CreateBandAsync(new CreateBandRequest { RequestId = NewRequestId(), BandId = world.BandId, Name = "The Test Band" });
        foreach (var (member, role) in (ValueTuple<string, string>[])[(world.Leader, "leader"), (world.Member, "member"), (world.Member2, "member")])
        {
            await admin.Bands.AddBandMemberAsync(new AddBandMemberRequest
            {
                RequestId = NewRequestId(), BandId = world.BandId, MemberId = member, Role = role, JoinedOn = BandWorld.Since,
            });
        }
        await admin.Bands.PublishSplitPolicyAsync(new PublishSplitPolicyRequest
        {
            RequestId = NewRequestId(), BandId = world.BandId, Policy = BandWorld.StandardPolicy(),
        });
        await admin.Bands.AuthorizePartnerAsync(new AuthorizePartnerRequest
        {
            RequestId = NewRequestId(), BandId = world.BandId, PartnerId = world.PartnerId,
        });
        return world;
    }

    /// <summary>Marks the gig performed and records <paramref name="fee"/> as its partner app; returns the settled gig.</summary>
    protected static async Task<Gig> PerformAndSettleAsync(Clients partner, string gigId, decimal fee)
    {
        await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = gigId });
        return await partner.Gigs.RecordFeeReceivedAsync(new RecordFeeReceivedRequest
        {
            RequestId = NewRequestId(), GigId = gigId, Fee = Eur(fee),
        });
    }

    /// <summary>A member's EUR balance as an admin reads it (0 when the member has no EUR entries).</summary>
    protected static async Task<decimal> BalanceAsync(Clients reader, string memberId, string currency = "EUR")
    {
        var response = await reader.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = memberId });
        return response.Balances.Where(b => b.CurrencyCode == currency).Select(b => b.ToDecimal()).SingleOrDefault();
    }

    /// <summary>Every member's balance in <paramref name="expected"/>, read by <paramref name="reader"/>.</summary>
    protected static async Task<Dictionary<string, decimal>> BalancesAsync(Clients reader, IReadOnlyDictionary<string, decimal> expected)
    {
        var balances = new Dictionary<string, decimal>();
        foreach (var memberId in expected.Keys) balances[memberId] = await BalanceAsync(reader, memberId);
        return balances;
    }

    /// <summary>Waits until the projection shows exactly <paramref name="expected"/> as the members' EUR balances.</summary>
    protected static async Task WaitForBalancesAsync(Clients reader, IReadOnlyDictionary<string, decimal> expected)
    {
        await Eventually.Holds(async () =>
        {
            var actual = await BalancesAsync(reader, expected);
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
        });
    }

    /// <summary>The treasurer's ledger check.</summary>
    protected static async Task<CheckLedgerResponse> CheckLedgerAsync(Clients treasurer) =>
        await treasurer.Accounts.CheckLedgerAsync(new CheckLedgerRequest());

    /// <summary>
    /// The ledger check once the projection is idle: two reads a moment apart that agree, so a count taken before a
    /// step is not still growing from earlier steps.
    /// </summary>
    protected static async Task<CheckLedgerResponse> SettledLedgerAsync(Clients treasurer)
    {
        var previous = await CheckLedgerAsync(treasurer);
        return await Eventually.Until(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            var current = await CheckLedgerAsync(treasurer);
            var stable = current.TransactionCount == previous.TransactionCount && current.PostingCount == previous.PostingCount;
            previous = current;
            return (Stable: stable, Check: current);
        }, read => read.Stable, "an idle projection").ContinueWith(t => t.Result.Check);
    }

    /// <summary>Asserts the ledger is balanced: every currency's total is zero.</summary>
    protected static void AssertBalanced(CheckLedgerResponse check)
    {
        Assert.True(check.Balanced, $"ledger not balanced: {string.Join(", ", check.Totals.Select(t => t.Text()))}");
        Assert.All(check.Totals, total => Assert.Equal(0m, total.ToDecimal()));
    }

    /// <summary>Every entry of a member, walking pages of <paramref name="pageSize"/>.</summary>
    protected static async Task<List<LedgerEntry>> AllEntriesAsync(Clients reader, string memberId, int pageSize = 50)
    {
        var entries = new List<LedgerEntry>();
        var token = "";
        do
        {
            var page = await reader.Accounts.ListEntriesAsync(new ListEntriesRequest
            {
                MemberId = memberId, PageSize = pageSize, PageToken = token,
            });
            entries.AddRange(page.Entries);
            token = page.NextPageToken;
        } while (token != "");
        return entries;
    }
}
