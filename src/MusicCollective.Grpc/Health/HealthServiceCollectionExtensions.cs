using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicCollective.ReadModel;

namespace MusicCollective.Grpc.Health;

/// <summary>Registers the gRPC health service with its two services, liveness ("") and readiness ("ready").</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Adds the checks and maps each to its service by tag. Results are not cached (the library's default), so every
    /// Check call runs the checks of the service asked about, and only those: a liveness probe never pings the
    /// database.
    /// </summary>
    public static IServiceCollection AddMusicCollectiveHealthChecks(this IServiceCollection services)
    {
        services.AddGrpcHealthChecks(options =>
            {
                // Replaces the library's default mapping of "" to every check.
                options.Services.Map(HealthServices.Live, check => check.Tags.Contains(HealthServices.LiveTag));
                options.Services.Map(HealthServices.Ready, check => check.Tags.Contains(HealthServices.ReadyTag));
            })
            .AddCheck<ProcessLivenessCheck>("process", tags: [HealthServices.LiveTag])
            .AddCheck<ClusterMemberHealthCheck>("cluster-member", tags: [HealthServices.ReadyTag])
            .Add(new HealthCheckRegistration("read-model-database",
                provider => new ReadModelHealthCheck(provider.GetRequiredService<IReadModelStore>(), HealthServices.CheckTimeout),
                HealthStatus.Unhealthy, [HealthServices.ReadyTag]));
        return services;
    }
}
