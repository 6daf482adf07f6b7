namespace MusicCollective.Grpc.Health;

/// <summary>
/// The services the standard gRPC health service (grpc.health.v1) answers for, the tags that put a check in one of
/// them, and the limits of a probe. Kubernetes restarts a pod whose liveness fails and stops routing to a pod whose
/// readiness fails, so the two must ask different questions.
/// </summary>
public static class HealthServices
{
    /// <summary>
    /// The default service (""): liveness, i.e. the process answers gRPC. Cheap on purpose: it touches neither the
    /// database nor the actor system, so a database outage never gets pods restarted (it cannot be fixed by one),
    /// and the load test can use it as the floor of the API's latency.
    /// </summary>
    public const string Live = "";

    /// <summary>Readiness: this node is an Up cluster member and its read-model database answers.</summary>
    public const string Ready = "ready";

    /// <summary>Tag of the checks behind <see cref="Live"/>.</summary>
    public const string LiveTag = "live";

    /// <summary>Tag of the checks behind <see cref="Ready"/>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Longest a readiness check waits for the database: a hung database answers NOT_SERVING after this, not a probe
    /// that hangs until the kubelet gives up. Below the chart's readiness probe timeout.
    /// </summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);
}
