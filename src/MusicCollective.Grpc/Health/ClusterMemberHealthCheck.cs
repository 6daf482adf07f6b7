using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicCollective.Actors.Hosting;

namespace MusicCollective.Grpc.Health;

/// <summary>
/// Readiness: this node is an Up member of its Akka cluster. Before that (joining, or cut off from the seed node) or
/// after (leaving, downed) its shard regions cannot host or reach entities, so calls would only time out.
/// </summary>
public sealed class ClusterMemberHealthCheck(ClusterMembership membership) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.IsUp
            ? HealthCheckResult.Healthy("this node is an Up member of its cluster")
            : new HealthCheckResult(context.Registration.FailureStatus,
                $"this node is not an Up member of its cluster (status: {membership.Status})"));
}
