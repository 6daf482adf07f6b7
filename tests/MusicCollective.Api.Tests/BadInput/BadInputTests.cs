namespace MusicCollective.Api.Tests.BadInput;

/// <summary>
/// Bad input for every RPC (DOMAIN.md, Bad input): INVALID_ARGUMENT with each offending field named in
/// google.rpc.BadRequest field violations, and nothing stored — read back afterwards to prove it. Split into partial
/// classes by service; run on SQLite and PostgreSQL.
/// </summary>
public abstract partial class BadInputTests(SharedServer shared) : ApiTestBase(shared)
{
    /// <summary>A page token no list ever issued.</summary>
    private const string MalformedPageToken = "not a page token!";

    /// <summary>An id that breaks the id rules (upper case, '_' and a space).</summary>
    private const string MalformedId = "Not_An Id";

    /// <summary>A booked gig of <paramref name="world"/> with the full line-up, registered by its partner app.</summary>
    private async Task<Gig> BookedGigAsync(BandWorld world, decimal fee = 1000.00m) =>
        await PartnerOf(world).Gigs.RegisterGigAsync(world.Gig(fee, Day(2026, 5, 1)));

    /// <summary>The gig as an admin reads it now.</summary>
    private async Task<Gig> ReadGigAsync(string gigId) => await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = gigId });

    /// <summary>Asserts the gig <paramref name="gigId"/> was never stored.</summary>
    private async Task AssertNoGigAsync(string gigId) =>
        await RpcAssert.Fails(StatusCode.NotFound, async () => await ReadGigAsync(gigId));
}

/// <inheritdoc />
public sealed class SqliteBadInputTests(SharedServer shared) : BadInputTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewSqliteAsync();
}

/// <inheritdoc />
[Collection(PostgresCollection.Name)]
public sealed class PostgresBadInputTests(PostgresFixture postgres, SharedServer shared) : BadInputTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewPostgresAsync(postgres);
}
