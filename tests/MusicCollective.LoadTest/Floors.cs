using System.Diagnostics;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MusicCollective.LoadTest;

/// <summary>
/// The two floors the settlement rate is compared with, at the same concurrency and count: the cheapest call the API
/// serves (grpc.health.v1.Health/Check, no authentication, no actor, no database) and the cheapest durable write the
/// database takes (one pooled connection, BEGIN, a single-row INSERT, COMMIT).
/// </summary>
public static class Floors
{
    /// <summary>
    /// Runs <paramref name="count"/> health checks with <paramref name="clients"/> concurrent clients over the same
    /// channels as the gigs; returns the wall time.
    /// </summary>
    public static Task<TimeSpan> RunHealthChecksAsync(ClientChannels channels, int count, int clients,
        LatencyRecorder recorder, CancellationToken cancellationToken) =>
        RunLoopsAsync(count, clients, client =>
        {
            var health = new Health.HealthClient(channels.For(client));
            return async (n, ct) =>
            {
                var start = Stopwatch.GetTimestamp();
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30),
                    cancellationToken: ct);
                if (reply.Status != HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    throw new InvalidOperationException($"health check answered {reply.Status}");
                }
                recorder.Record(n, start);
            };
        }, cancellationToken);

    /// <summary>The scratch table of the persistence floor (created by <see cref="PreparePostgresAsync"/>).</summary>
    public const string ScratchTable = "loadtest_floor";

    /// <summary>Creates the scratch table in the server's database; returns a data source with room for every client.</summary>
    public static async Task<NpgsqlDataSource> PreparePostgresAsync(string connectionString, int clients,
        CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(100, clients * 2) };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var command = dataSource.CreateCommand($"""
            CREATE TABLE IF NOT EXISTS {ScratchTable} (
                id BIGSERIAL PRIMARY KEY, client INT NOT NULL, seq INT NOT NULL, payload TEXT NOT NULL,
                created TIMESTAMPTZ NOT NULL DEFAULT now())
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return dataSource;
    }

    /// <summary>
    /// Runs <paramref name="count"/> single-row INSERT transactions through Npgsql with <paramref name="clients"/>
    /// concurrent clients: each opens a pooled connection, begins, inserts, commits.
    /// </summary>
    public static Task<TimeSpan> RunPostgresInsertsAsync(NpgsqlDataSource dataSource, int count, int clients,
        LatencyRecorder recorder, CancellationToken cancellationToken) =>
        RunLoopsAsync(count, clients, client => async (n, ct) =>
        {
            var start = Stopwatch.GetTimestamp();
            await using (var connection = await dataSource.OpenConnectionAsync(ct))
            await using (var transaction = await connection.BeginTransactionAsync(ct))
            {
                await using var command = new NpgsqlCommand(
                    $"INSERT INTO {ScratchTable} (client, seq, payload) VALUES ($1, $2, $3)", connection, transaction);
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = client });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = n });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Payload });
                await command.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
            }
            recorder.Record(n, start);
        }, cancellationToken);

    /// <summary>The SQLite counterpart (for --sqlite): a scratch file in WAL mode, one transaction per row.</summary>
    public static async Task<string> PrepareSqliteAsync(string directory, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "floor.db"), DefaultTimeout = 30, Pooling = true,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS {ScratchTable} (
                id INTEGER PRIMARY KEY, client INT NOT NULL, seq INT NOT NULL, payload TEXT NOT NULL,
                created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connectionString;
    }

    /// <summary>Single-row INSERT transactions into the SQLite scratch file (BEGIN IMMEDIATE: one writer at a time).</summary>
    public static Task<TimeSpan> RunSqliteInsertsAsync(string connectionString, int count, int clients,
        LatencyRecorder recorder, CancellationToken cancellationToken) =>
        RunLoopsAsync(count, clients, client => async (n, ct) =>
        {
            var start = Stopwatch.GetTimestamp();
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync(ct);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO {ScratchTable} (client, seq, payload) VALUES ($client, $seq, $payload)";
                command.Parameters.AddWithValue("$client", client);
                command.Parameters.AddWithValue("$seq", n);
                command.Parameters.AddWithValue("$payload", Payload);
                await command.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
            }
            recorder.Record(n, start);
        }, cancellationToken);

    // About the size of a small journal row's payload.
    private static readonly string Payload = new('x', 200);

    // Client c runs operations c, c + clients, ... < count; a failure is counted and the first one rethrown at the end.
    private static async Task<TimeSpan> RunLoopsAsync(int count, int clients,
        Func<int, Func<int, CancellationToken, Task>> operationOf, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var operation = operationOf(client);
            for (var n = client; n < count; n += clients)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await operation(n, cancellationToken);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(loops);
        return started.Elapsed;
    }
}
