using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicCollective.ReadModel;

namespace MusicCollective.Grpc.Health;

/// <summary>
/// Readiness: the read-model database answers a ping within a time limit. Lists, balances and the ledger are read
/// from it, and on PostgreSQL the journal lives in the same database, so without it the node can serve nothing.
/// </summary>
public sealed class ReadModelHealthCheck(IReadModelStore store, TimeSpan timeout) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            // WaitAsync as well as the token: a driver stuck on a dead socket may not notice cancellation in time.
            await store.PingAsync(limit.Token).WaitAsync(timeout, cancellationToken);
            return HealthCheckResult.Healthy("read-model database answers");
        }
        catch (Exception e) when (e is TimeoutException ||
                                  (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"read-model database did not answer within {timeout.TotalSeconds} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"read-model database unreachable: {e.Message}", e);
        }
    }
}
