using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MusicCollective.Grpc.Auth;
using MusicCollective.Grpc.Services;

namespace MusicCollective.Api.Tests;

/// <summary>
/// Who may do what (DOMAIN.md, Access): no valid token is UNAUTHENTICATED; a role that does not allow a request is
/// PERMISSION_DENIED, the same whether the thing exists or not. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class AccessTests(SharedServer shared) : ApiTestBase(shared)
{
    /// <summary>Proves calls without a valid token (none, expired, forged, wrong audience, unknown role) are UNAUTHENTICATED on every service, while a valid token gets through.</summary>
    [Theory]
    [InlineData("none")]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("other-audience")]
    [InlineData("unknown-role")]
    public async Task Calls_without_a_valid_token_are_unauthenticated(string token)
    {
        var world = await SeedBandAsync();
        var bad = Server.As(token switch
        {
            "none" => null,
            "expired" => Tokens.Expired("admin", "test-admin"),
            "forged" => Tokens.Forged("admin", "test-admin"),
            "other-audience" => Tokens.OtherAudience("admin", "test-admin"),
            "unknown-role" => Tokens.For("superuser", "test-admin"),
            _ => throw new ArgumentOutOfRangeException(nameof(token)),
        });

        await RpcAssert.Fails(StatusCode.Unauthenticated, async () => await bad.Members.GetMemberAsync(new GetMemberRequest { MemberId = world.Leader }));
        await RpcAssert.Fails(StatusCode.Unauthenticated, async () => await bad.Members.CreateMemberAsync(new CreateMemberRequest
        {
            RequestId = NewRequestId(), MemberId = NewId("mallory"), DisplayName = "Mallory", Email = "m@example.org",
        }));
        await RpcAssert.Fails(StatusCode.Unauthenticated, async () => await bad.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId }));
        await RpcAssert.Fails(StatusCode.Unauthenticated, async () => await bad.Gigs.RegisterGigAsync(world.Gig(100.00m, Day(2026, 5, 1))));
        await RpcAssert.Fails(StatusCode.Unauthenticated, async () => await bad.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = world.Leader }));
        await RpcAssert.Fails(StatusCode.Unauthenticated, async () => await bad.Accounts.CheckLedgerAsync(new CheckLedgerRequest()));

        // The same calls with a valid admin token get through.
        await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = world.Leader });
        await Admin.Accounts.CheckLedgerAsync(new CheckLedgerRequest());
    }

    /// <summary>Proves a member reads only their own balance, entries and profile: another member's (existing or not) is PERMISSION_DENIED, as are officer-only calls.</summary>
    [Fact]
    public async Task Member_reads_only_their_own_money_and_profile()
    {
        var world = await SeedBandAsync();
        var alice = AsMember(world.Leader);

        await alice.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = world.Leader });
        await alice.Accounts.ListEntriesAsync(new ListEntriesRequest { MemberId = world.Leader });
        await alice.Members.GetMemberAsync(new GetMemberRequest { MemberId = world.Leader });

        var existing = await RpcAssert.Fails(StatusCode.PermissionDenied,
            async () => await alice.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = world.Member }));
        var missing = await RpcAssert.Fails(StatusCode.PermissionDenied,
            async () => await alice.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = NewId("nobody") }));
        Assert.Equal(existing.Status.Detail, missing.Status.Detail);
        await RpcAssert.Fails(StatusCode.PermissionDenied,
            async () => await alice.Accounts.ListEntriesAsync(new ListEntriesRequest { MemberId = world.Member }));
        await RpcAssert.Fails(StatusCode.PermissionDenied,
            async () => await alice.Members.GetMemberAsync(new GetMemberRequest { MemberId = world.Member }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await alice.Members.UpdateMemberAsync(new UpdateMemberRequest
        {
            RequestId = NewRequestId(), MemberId = world.Member, DisplayName = "Hijacked", Email = "x@example.org",
        }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await alice.Members.ListMembersAsync(new ListMembersRequest()));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await alice.Accounts.CheckLedgerAsync(new CheckLedgerRequest()));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await alice.Bands.ListBandsAsync(new ListBandsRequest()));
        Assert.Equal($"Musician {world.Member}",
            (await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = world.Member })).DisplayName);

        // The treasurer reads every member's money.
        await Treasurer.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = world.Member });
    }

    /// <summary>Proves a partner app cannot register or touch gigs of a band that did not authorise it (or that does not exist, indistinguishably), nor after it was revoked.</summary>
    [Fact]
    public async Task Partner_works_only_for_bands_that_authorised_it()
    {
        var ours = await SeedBandAsync();
        var theirs = await SeedBandAsync();
        var partner = PartnerOf(ours);
        var theirGig = await PartnerOf(theirs).Gigs.RegisterGigAsync(theirs.Gig(400.00m, Day(2026, 5, 2)));

        var foreignRegistration = theirs.Gig(400.00m, Day(2026, 5, 3));
        var foreign = await RpcAssert.Fails(StatusCode.PermissionDenied,
            async () => await partner.Gigs.RegisterGigAsync(foreignRegistration));
        var ghostRegistration = theirs.Gig(400.00m, Day(2026, 5, 3));
        ghostRegistration.BandId = NewId("no-such-band");
        var ghost = await RpcAssert.Fails(StatusCode.PermissionDenied,
            async () => await partner.Gigs.RegisterGigAsync(ghostRegistration));
        Assert.Equal(foreign.Status.Detail, ghost.Status.Detail); // learns nothing about which bands exist
        foreach (var gigId in (string[])[foreignRegistration.GigId, ghostRegistration.GigId])
        {
            await RpcAssert.Fails(StatusCode.NotFound, async () => await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = gigId }));
        }

        var existingGig = await RpcAssert.Fails(StatusCode.PermissionDenied,
            async () => await partner.Gigs.GetGigAsync(new GetGigRequest { GigId = theirGig.GigId }));
        var missingGig = await RpcAssert.Fails(StatusCode.PermissionDenied,
            async () => await partner.Gigs.GetGigAsync(new GetGigRequest { GigId = NewId("no-such-gig") }));
        Assert.Equal(existingGig.Status.Detail, missingGig.Status.Detail);
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = theirGig.GigId }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await partner.Gigs.ListGigsAsync(new ListGigsRequest { BandId = theirs.BandId }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await partner.Bands.GetBandAsync(new GetBandRequest { BandId = theirs.BandId }));
        Assert.Equal(GigStatus.Booked, (await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = theirGig.GigId })).Status);

        // Its own band works, until the band withdraws the authorisation.
        var ownGig = await partner.Gigs.RegisterGigAsync(ours.Gig(400.00m, Day(2026, 5, 4)));
        await Admin.Bands.RevokePartnerAsync(new RevokePartnerRequest { RequestId = NewRequestId(), BandId = ours.BandId, PartnerId = ours.PartnerId });
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await partner.Gigs.RegisterGigAsync(ours.Gig(400.00m, Day(2026, 5, 5))));
        // The server remembers which band the gig it registered belongs to, but still asks that band who may manage it.
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = ownGig.GigId }));
        Assert.Equal(GigStatus.Booked, (await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = ownGig.GigId })).Status);
    }

    /// <summary>Proves what the server remembers between calls: each token's check (its JWT handler is the ValidatedTokenCache) and the band of a gig it registered, never who may manage a gig; a call about a gig that does not exist is still NOT_FOUND for an admin and PERMISSION_DENIED for a partner.</summary>
    [Fact]
    public async Task The_server_remembers_checked_tokens_and_gig_bands_but_not_access()
    {
        var world = await SeedBandAsync();
        var handlers = Server.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme).TokenHandlers;
        Assert.IsType<ValidatedTokenCache>(Assert.Single(handlers));

        var gig = await PartnerOf(world).Gigs.RegisterGigAsync(world.Gig(400.00m, Day(2026, 5, 2)));
        Assert.True(Server.Services.GetRequiredService<KnownGigs>().TryGet(gig.GigId, out var home));
        Assert.Equal(new GigHome(world.BandId, new DateOnly(2026, 5, 2)), home);

        var missing = new MarkPerformedRequest { RequestId = NewRequestId(), GigId = NewId("no-such-gig") };
        await RpcAssert.Fails(StatusCode.NotFound, async () => await Admin.Gigs.MarkPerformedAsync(missing));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await PartnerOf(world).Gigs.MarkPerformedAsync(missing));
        Assert.False(Server.Services.GetRequiredService<KnownGigs>().TryGet(missing.GigId, out _));
    }

    /// <summary>Proves a label token gets PERMISSION_DENIED from GigService (and learns nothing about members or bands).</summary>
    [Fact]
    public async Task Label_cannot_use_gigs_members_or_bands()
    {
        var world = await SeedBandAsync();
        var gig = await PartnerOf(world).Gigs.RegisterGigAsync(world.Gig(400.00m, Day(2026, 5, 2)));
        var label = Server.As(Tokens.Label(NewId("label")));

        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await label.Gigs.RegisterGigAsync(world.Gig(400.00m, Day(2026, 5, 3))));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await label.Gigs.GetGigAsync(new GetGigRequest { GigId = gig.GigId }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await label.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await label.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = gig.GigId }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await label.Gigs.CancelGigAsync(new CancelGigRequest { RequestId = NewRequestId(), GigId = gig.GigId, Reason = "no" }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await label.Members.GetMemberAsync(new GetMemberRequest { MemberId = world.Leader }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await label.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await label.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = world.Leader }));
        Assert.Equal(GigStatus.Booked, (await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = gig.GigId })).Status);
    }

    /// <summary>Proves a member registers and manages gigs for their own band, but not for another band, and not after leaving.</summary>
    [Fact]
    public async Task Member_registers_gigs_for_own_band_only()
    {
        var ours = await SeedBandAsync();
        var theirs = await SeedBandAsync();
        var alice = AsMember(ours.Leader);

        var gig = await alice.Gigs.RegisterGigAsync(ours.Gig(600.00m, Day(2026, 9, 1), ours.DuoLineup()));
        Assert.Equal((ours.BandId, GigStatus.Booked), (gig.BandId, gig.Status));
        Assert.Equal(gig, await alice.Gigs.GetGigAsync(new GetGigRequest { GigId = gig.GigId }));
        await alice.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = gig.GigId });

        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await alice.Gigs.RegisterGigAsync(theirs.Gig(600.00m, Day(2026, 9, 1))));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await AsMember(theirs.Leader).Gigs.RegisterGigAsync(ours.Gig(600.00m, Day(2026, 9, 2))));

        await Admin.Bands.RemoveBandMemberAsync(new RemoveBandMemberRequest
        {
            RequestId = NewRequestId(), BandId = ours.BandId, MemberId = ours.Member2, LeftOn = Day(2026, 1, 31),
        });
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await AsMember(ours.Member2).Gigs.RegisterGigAsync(ours.Gig(600.00m, Day(2026, 9, 3), ours.DuoLineup())));
    }

    /// <summary>Proves only admins change members, bands, policies and partner authorisations.</summary>
    [Fact]
    public async Task Only_admins_change_members_and_bands()
    {
        var world = await SeedBandAsync();
        foreach (var caller in new[] { Treasurer, AsMember(world.Leader), PartnerOf(world) })
        {
            await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await caller.Members.CreateMemberAsync(new CreateMemberRequest
            {
                RequestId = NewRequestId(), MemberId = NewId("eve"), DisplayName = "Eve", Email = "eve@example.org",
            }));
            await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
                await caller.Bands.CreateBandAsync(new CreateBandRequest { RequestId = NewRequestId(), BandId = NewId("band"), Name = "Eve's" }));
            await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
                await caller.Bands.PublishSplitPolicyAsync(new PublishSplitPolicyRequest { RequestId = NewRequestId(), BandId = world.BandId, Policy = BandWorld.StandardPolicy() }));
            await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
                await caller.Bands.AuthorizePartnerAsync(new AuthorizePartnerRequest { RequestId = NewRequestId(), BandId = world.BandId, PartnerId = NewId("evil") }));
            await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
                await caller.Bands.AddBandMemberAsync(new AddBandMemberRequest
                {
                    RequestId = NewRequestId(), BandId = world.BandId, MemberId = world.Leader, Role = "member", JoinedOn = Day(2026, 1, 1),
                }));
        }
        var band = await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId });
        Assert.Single(band.SplitPolicies);
        Assert.Single(band.AuthorizedPartnerIds);
        Assert.Equal(3, band.Members.Count);
    }
}

/// <inheritdoc />
public sealed class SqliteAccessTests(SharedServer shared) : AccessTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewSqliteAsync();
}

/// <inheritdoc />
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessTests(PostgresFixture postgres, SharedServer shared) : AccessTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewPostgresAsync(postgres);
}
