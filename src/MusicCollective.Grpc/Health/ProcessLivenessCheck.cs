using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MusicCollective.Grpc.Health;

/// <summary>
/// Liveness: healthy whenever it runs, because running means the process answered a gRPC call. Without any check
/// behind it the default service would answer UNKNOWN, not SERVING.
/// </summary>
public sealed class ProcessLivenessCheck : IHealthCheck
{
    private static readonly Task<HealthCheckResult> Alive = Task.FromResult(HealthCheckResult.Healthy("the process answers"));

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Alive;
}
