using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicCollective.Grpc.Health;
using MusicCollective.ReadModel;

namespace MusicCollective.Api.Tests.HealthChecks;

/// <summary>
/// The database half of readiness on a stand-in store: the failures a real database cannot be made to show on cue
/// (a ping that never returns). The real outage is <see cref="PostgresOutageHealthTests"/>.
/// </summary>
public sealed class ReadModelHealthCheckTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(15);

    /// <summary>Proves a database that never answers (even ignoring cancellation) makes the check unhealthy within its timeout, saying so, instead of hanging the probe.</summary>
    [Fact]
    public async Task A_hung_database_is_unhealthy_after_the_timeout()
    {
        var hung = new TaskCompletionSource();
        var check = new ReadModelHealthCheck(new PingOnlyStore(_ => hung.Task), Timeout);

        var clock = Stopwatch.StartNew();
        var result = await check.CheckHealthAsync(ContextFor(check));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("did not answer within", result.Description);
        // It waited for the timeout, not less: .NET timers run on a coarse clock and may fire a millisecond or two before
        // the Stopwatch says the time is up (seen once: 298.1 ms for 300), hence the small allowance below.
        Assert.InRange(clock.Elapsed, Timeout - TimerSlack, TimeSpan.FromSeconds(5));
    }

    /// <summary>Proves a failing ping makes the check unhealthy with the driver's message, and a ping that answers makes it healthy.</summary>
    [Fact]
    public async Task A_failing_ping_is_unhealthy_with_its_reason_and_an_answer_is_healthy()
    {
        var failing = new ReadModelHealthCheck(
            new PingOnlyStore(_ => Task.FromException(new InvalidOperationException("connection refused"))), Timeout);
        var answering = new ReadModelHealthCheck(new PingOnlyStore(_ => Task.CompletedTask), Timeout);

        var failed = await failing.CheckHealthAsync(ContextFor(failing));
        var answered = await answering.CheckHealthAsync(ContextFor(answering));

        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Equal("read-model database unreachable: connection refused", failed.Description);
        Assert.Equal(HealthStatus.Healthy, answered.Status);
    }

    private static HealthCheckContext ContextFor(IHealthCheck check) => new()
    {
        Registration = new HealthCheckRegistration("read-model-database", check, HealthStatus.Unhealthy, null),
    };

    /// <summary>A store whose only working member is <see cref="PingAsync"/>.</summary>
    private sealed class PingOnlyStore(Func<CancellationToken, Task> ping) : IReadModelStore
    {
        public Task PingAsync(CancellationToken cancellationToken) => ping(cancellationToken);

        public Task EnsureSchemaAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> GetOffsetAsync(string projection, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task ApplyAsync(string projection, long offset, IReadOnlyList<ReadModelChange> changes,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<CurrencyAmount>> GetBalancesAsync(string account, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Page<LedgerEntryRow>> ListEntriesAsync(string account, string? currency, int pageSize,
            string? pageToken, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<LedgerCheck> CheckLedgerAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Page<MemberRow>> ListMembersAsync(int pageSize, string? pageToken, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Page<BandRow>> ListBandsAsync(int pageSize, string? pageToken, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Page<GigRow>> ListGigsAsync(string bandId, int pageSize, string? pageToken,
            CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
