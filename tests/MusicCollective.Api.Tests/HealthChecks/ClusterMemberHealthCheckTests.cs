using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicCollective.Actors.Hosting;
using MusicCollective.Grpc.Health;

namespace MusicCollective.Api.Tests.HealthChecks;

/// <summary>
/// The cluster half of readiness on a real actor system with clustering (no server, no database): a node is ready
/// only while it is an Up member. The in-process servers of the other tests are always Up once started, so the
/// other states are only reachable here.
/// </summary>
public sealed class ClusterMemberHealthCheckTests
{
    private const string ClusterHocon = """
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.loglevel = WARNING
        akka.coordinated-shutdown.exit-clr = off
        """;

    /// <summary>Proves the check is unhealthy before the node joins, healthy once it is Up, and unhealthy again once it has left, saying the status.</summary>
    [Fact]
    public async Task Healthy_only_while_this_node_is_an_Up_member()
    {
        var system = ActorSystem.Create("health-check-test", ConfigurationFactory.ParseString(ClusterHocon));
        try
        {
            var check = new ClusterMemberHealthCheck(new ClusterMembership(system));
            var context = new HealthCheckContext
            {
                Registration = new HealthCheckRegistration("cluster-member", check, HealthStatus.Unhealthy, null),
            };
            var cluster = Cluster.Get(system);

            var beforeJoining = await check.CheckHealthAsync(context);
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cluster.RegisterOnMemberUp(up.SetResult);
            cluster.Join(cluster.SelfAddress);
            await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var whileUp = await check.CheckHealthAsync(context);
            await cluster.LeaveAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var afterLeaving = await check.CheckHealthAsync(context);

            Assert.Equal(HealthStatus.Unhealthy, beforeJoining.Status);
            Assert.Contains("not an Up member", beforeJoining.Description);
            Assert.Equal(HealthStatus.Healthy, whileUp.Status);
            Assert.Equal(HealthStatus.Unhealthy, afterLeaving.Status);
            Assert.Contains("not an Up member", afterLeaving.Description);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
