using System.Diagnostics;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using MusicCollective.Api.V1;
using MusicCollective.Testing;

namespace MusicCollective.Server.Tests;

/// <summary>
/// The read-model projection outlives a journal that is slow to start. Found by the crash test on a busy machine: the
/// SQL read journal's constructor waits 5 s for the write journal to say it is initialised and throws after that; it
/// was called in the projection's PreStart, so the singleton stopped for good and balances froze while the entities
/// went on accepting settlements. Here the journal file is write-locked while the server starts (as a slow disk, a
/// busy CPU or a slow database would do), then released: the ledger must follow.
/// </summary>
public sealed class ProjectionStartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LockHeldAfterReady = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Projection_follows_the_journal_after_a_slow_journal_start()
    {
        var directory = Directory.CreateTempSubdirectory("mc-slow-journal-").FullName;
        var tokens = new BearerTokens();
        try
        {
            // A fresh journal file in WAL mode (as the server leaves it), held write-locked: the journal's
            // initialisation (CREATE TABLE) waits on it, and the read journal's 5 s ask times out meanwhile.
            var journal = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(directory, "journal.db"), Pooling = false,
            }.ConnectionString;
            await using var locker = new SqliteConnection(journal);
            await locker.OpenAsync();
            await using (var wal = locker.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync();
            }
            var held = locker.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: no other writer gets in
            await using (var write = locker.CreateCommand())
            {
                write.Transaction = held;
                write.CommandText = "CREATE TABLE slow_start_lock (x INTEGER);";
                await write.ExecuteNonQueryAsync();
            }

            var environment = new Dictionary<string, string>
            {
                ["Storage__Database"] = "Sqlite",
                ["Storage__DataDirectory"] = directory,
                ["Auth__SigningKey"] = tokens.SigningKey,
            };
            await using var server = new ServerProcess(environment, Path.Combine(directory, "logs"));
            await server.StartAsync(CancellationToken.None); // Kestrel answers; the journal is still waiting
            await Task.Delay(LockHeldAfterReady);
            await held.RollbackAsync();
            await held.DisposeAsync();
            await locker.CloseAsync();

            var admin = new Metadata { { "authorization", $"Bearer {tokens.Issue("slow-admin", "admin")}" } };
            var members = new MemberService.MemberServiceClient(server.Channel);
            await RetryAsync(() => members.CreateMemberAsync(new CreateMemberRequest
            {
                RequestId = "slow-start-member", MemberId = "slow-start", DisplayName = "Slow Start", Email = "slow@example.org",
            }, admin, DateTime.UtcNow.AddSeconds(20)).ResponseAsync);

            // The member reaches the read model only through the projection.
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var page = await RetryAsync(() => members.ListMembersAsync(new ListMembersRequest(), admin,
                    DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
                if (page.Members.Any(m => m.MemberId == "slow-start")) break;
                Assert.True(clock.Elapsed < CatchUpTimeout,
                    $"the projection never caught up after the journal started late.{server.Tail()}");
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            // The late journal did make the read journal fail at least once: the path under test was taken.
            var retried = server.WarningLines.Where(l => l.Contains("read journal is not available yet", StringComparison.Ordinal)).ToList();
            output.WriteLine($"caught up {clock.Elapsed.TotalSeconds:F1} s after the member was stored; read journal retries logged: {retried.Count}");
            Assert.NotEmpty(retried);
            Assert.Empty(server.ErrorLines);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder: the OS cleans it in the end.
            }
        }
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
                                         && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
