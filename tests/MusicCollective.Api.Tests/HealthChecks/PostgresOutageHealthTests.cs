using Grpc.Health.V1;
using MusicCollective.Grpc.Health;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace MusicCollective.Api.Tests.HealthChecks;

/// <summary>
/// Readiness follows the database, liveness does not: a server whose PostgreSQL database refuses connections is
/// NOT_SERVING on "ready" while "" stays SERVING (Kubernetes stops routing to it but does not restart it), and it is
/// ready again once the database is back. The shared PostgreSQL server keeps running; only the test's own database
/// is closed, as a superuser would do it. The server logs errors meanwhile (the projection retries): expected.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutageHealthTests(PostgresFixture postgres)
{
    /// <summary>Longest wait for readiness to come back: Npgsql drops the pool's broken connections on use.</summary>
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of one probe: liveness must answer at once, readiness within its check timeout.</summary>
    private static readonly TimeSpan ProbeDeadline = HealthServices.CheckTimeout + TimeSpan.FromSeconds(2);

    /// <summary>Proves "ready" turns NOT_SERVING while the server's database refuses connections and SERVING again after, and "" stays SERVING throughout.</summary>
    [Fact]
    public async Task Readiness_follows_a_database_outage_and_liveness_stays_serving()
    {
        var storage = (PostgresStorage)await Engines.NewPostgresAsync(postgres);
        await using var server = await TestServer.StartAsync(storage);
        var health = new Health.HealthClient(server.Channel);
        Assert.Equal(ServingStatus.Serving, await StatusAsync(health, HealthServices.Ready));

        await using (await storage.RefuseConnectionsAsync())
        {
            await Eventually.Until(() => StatusAsync(health, HealthServices.Ready), status => status == ServingStatus.NotServing,
                "readiness while the database refuses connections");
            Assert.Equal(ServingStatus.Serving, await StatusAsync(health, HealthServices.Live, TimeSpan.FromSeconds(1)));
        }

        await Eventually.Until(() => StatusAsync(health, HealthServices.Ready), status => status == ServingStatus.Serving,
            "readiness once the database accepts connections again", RecoveryTimeout);
        Assert.Equal(ServingStatus.Serving, await StatusAsync(health, HealthServices.Live));
    }

    private static async Task<ServingStatus> StatusAsync(Health.HealthClient health, string service, TimeSpan? deadline = null)
    {
        var response = await health.CheckAsync(new HealthCheckRequest { Service = service },
            deadline: DateTime.UtcNow.Add(deadline ?? ProbeDeadline));
        return response.Status;
    }
}
