using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using MusicCollective.Grpc.Health;

namespace MusicCollective.Api.Tests;

/// <summary>
/// The gRPC transport around the API: message size limit, deadlines, health checks and reflection. Run on SQLite
/// and PostgreSQL.
/// </summary>
public abstract class TransportTests(SharedServer shared) : ApiTestBase(shared)
{
    /// <summary>Proves a request above the 4 MB limit is refused with RESOURCE_EXHAUSTED, stores nothing, and the server keeps serving.</summary>
    [Fact]
    public async Task Oversized_message_is_resource_exhausted_not_a_crash()
    {
        var memberId = NewId("huge");
        var oversized = new CreateMemberRequest
        {
            RequestId = NewRequestId(), MemberId = memberId, DisplayName = new string('x', 5 * 1024 * 1024), Email = "huge@example.org",
        };
        Assert.True(oversized.CalculateSize() > MusicCollective.Grpc.Hosting.GrpcServiceCollectionExtensions.ReceiveMessageBytesMax);

        await RpcAssert.Fails(StatusCode.ResourceExhausted, async () => await Admin.Members.CreateMemberAsync(oversized));

        await RpcAssert.Fails(StatusCode.NotFound, async () => await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = memberId }));
        var fine = await CreateMemberAsync(Admin, memberId);
        Assert.Equal(memberId, fine.MemberId);
    }

    /// <summary>Proves a call whose deadline has already passed is DEADLINE_EXCEEDED and, for a change, stores nothing.</summary>
    [Fact]
    public async Task Call_with_an_expired_deadline_is_deadline_exceeded()
    {
        var world = await SeedBandAsync();
        var expired = DateTime.UtcNow.AddSeconds(-1);

        await RpcAssert.Fails(StatusCode.DeadlineExceeded, async () =>
            await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = world.Leader }, deadline: expired));
        var registration = world.Gig(500.00m, Day(2026, 5, 1));
        await RpcAssert.Fails(StatusCode.DeadlineExceeded, async () =>
            await PartnerOf(world).Gigs.RegisterGigAsync(registration, deadline: expired));

        await RpcAssert.Fails(StatusCode.NotFound, async () => await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = registration.GigId }));
    }

    /// <summary>Proves DevService exists only in Development: a Production server answers UNIMPLEMENTED and mints no token.</summary>
    [Fact]
    public async Task DevService_is_not_mapped_outside_Development()
    {
        var storage = await NewStorageAsync();
        try
        {
            await using var production = await TestServer.StartAsync(storage, "Production");
            await RpcAssert.Fails(StatusCode.Unimplemented, async () =>
                await production.Anonymous.Dev.IssueDevTokenAsync(new IssueDevTokenRequest { Role = "admin" }));
            await production.Admin.Accounts.CheckLedgerAsync(new CheckLedgerRequest()); // the rest of the API is there
        }
        finally
        {
            storage.Delete();
        }
    }

    /// <summary>Proves a journal that is slow to create its tables at boot (here: held by a lock for 8 s) does not leave the server without its read-model projection: once the journal is up, settlements reach the balances.</summary>
    [Fact]
    public async Task Projection_starts_even_when_the_journal_is_slow_to_start()
    {
        var storage = await NewStorageAsync();
        try
        {
            Task<TestServer> starting;
            await using (await storage.BlockJournalCreationAsync())
            {
                starting = Task.Run(() => TestServer.StartAsync(storage));
                await Task.Delay(TimeSpan.FromSeconds(8));
            }
            await using var server = await starting; // ready includes the projection listing a new member
            var world = await SeedBandAsync(server);
            var partner = server.As(Tokens.Partner(world.PartnerId));
            var gig = await partner.Gigs.RegisterGigAsync(world.Gig(100.00m, Day(2026, 5, 1), world.DuoLineup()));
            await PerformAndSettleAsync(partner, gig.GigId, 100.00m);
            await WaitForBalancesAsync(server.Admin, new Dictionary<string, decimal> { [world.Leader] = 58.20m, [world.Member] = 38.80m });
        }
        finally
        {
            storage.Delete();
        }
    }

    /// <summary>Proves the standard gRPC health service (grpc.health.v1) answers SERVING for liveness (the default service ""), without a token.</summary>
    [Fact]
    public async Task Health_check_is_serving()
    {
        var health = new Health.HealthClient(Server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    /// <summary>Proves a started server is ready (service "ready": an Up cluster member whose database answers), without a token, and that a service nobody registered is NOT_FOUND, not SERVING.</summary>
    [Fact]
    public async Task Health_check_ready_is_serving_and_an_unknown_service_is_not_found()
    {
        var health = new Health.HealthClient(Server.Channel);

        var ready = await health.CheckAsync(new HealthCheckRequest { Service = HealthServices.Ready });
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await health.CheckAsync(new HealthCheckRequest { Service = "no-such-service" }));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, ready.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Proves server reflection lists every MusicCollective service and describes one of them.</summary>
    [Fact]
    public async Task Reflection_lists_and_describes_the_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(Server.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "musiccollective.v1.GigService" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var described = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();

        Assert.Superset(
            new HashSet<string>
            {
                "musiccollective.v1.MemberService", "musiccollective.v1.BandService", "musiccollective.v1.GigService",
                "musiccollective.v1.AccountService", "musiccollective.v1.DevService", "grpc.health.v1.Health",
            },
            services.ToHashSet());
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, described.MessageResponseCase);
        Assert.NotEmpty(described.FileDescriptorResponse.FileDescriptorProto);
    }
}

/// <inheritdoc />
public sealed class SqliteTransportTests(SharedServer shared) : TransportTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewSqliteAsync();
}

/// <inheritdoc />
[Collection(PostgresCollection.Name)]
public sealed class PostgresTransportTests(PostgresFixture postgres, SharedServer shared) : TransportTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewPostgresAsync(postgres);
}
