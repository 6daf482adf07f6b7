using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MusicCollective.LoadTest;
using MusicCollective.Testing;
using Npgsql;

// The load benchmark (see README.md beside this file). Everything it starts it stops, also on Ctrl+C and on failure.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadTestOptions.Usage);
    return 0;
}
var options = LoadTestOptions.Parse(args, out var usageError);
if (options is null)
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(LoadTestOptions.Usage);
    return 64;
}

using var cancellation = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine($"{context.Signal}: stopping the run, the server and the database");
    cancellation.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

try
{
    var result = await Benchmark.RunAsync(options, cancellation.Token);
    Console.WriteLine();
    Console.Write(Report.Summary(result));
    return options.FailOnMiss && !Report.AllMet(result) ? 2 : 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (Exception exception) when (exception is InvalidOperationException or NpgsqlException or Grpc.Core.RpcException)
{
    Console.Error.WriteLine($"load benchmark failed: {exception.Message}");
    return 1;
}

namespace MusicCollective.LoadTest
{
    /// <summary>One run: database, server, setup, warm-up, the timed gigs, the floors.</summary>
    public static class Benchmark
    {
        private const string TimedPrefix = "g";
        private const string WarmupPrefix = "w";
        private static readonly TimeSpan ProjectionWaitMax = TimeSpan.FromMinutes(5);

        /// <summary>Runs the benchmark as <paramref name="options"/> say; prints progress; returns what it measured.</summary>
        public static async Task<RunResult> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
        {
            Progress($"MusicCollective load benchmark: {options.Gigs} gigs, {options.Clients} clients, " +
                $"{options.ClientsPerChannel} clients per channel, {options.Bands} bands, storage {options.Storage}");
            if (LoadTestOptions.BuildConfiguration != "Release")
            {
                Progress($"WARNING: this load generator is a {LoadTestOptions.BuildConfiguration} build; figures are only " +
                    "meaningful in Release (dotnet build tests/MusicCollective.LoadTest -c Release)");
            }
            Progress($"server: {options.ServerAssembly}");
            Progress($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");

            var work = Directory.CreateTempSubdirectory("mc-loadtest-").FullName;
            PostgresServer? postgres = null;
            ServerProcess? server = null;
            NpgsqlDataSource? floorDataSource = null;
            try
            {
                var environment = new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Logging__LogLevel__Default"] = "Warning",
                    ["Akka__Hostname"] = "127.0.0.1",
                };
                string? databaseConnectionString = null;
                DatabaseProbe probe;
                string storageDescription;
                int? postgresPort = null;
                if (options.Storage == StorageMode.PostgreSql)
                {
                    var watch = Stopwatch.StartNew();
                    postgres = await PostgresServer.StartAsync(cancellationToken);
                    databaseConnectionString = await postgres.CreateDatabaseAsync("loadtest", cancellationToken);
                    postgresPort = new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Port;
                    var version = await PostgresVersionAsync(databaseConnectionString, cancellationToken);
                    storageDescription = $"PostgreSQL {version} ({postgres.Source}" +
                        (postgres.Source == PostgresServerSource.LocalBinaries
                            ? "; fsync=off, synchronous_commit=off, full_page_writes=off: durability off, as in the tests)"
                            : ")");
                    Progress($"database: {storageDescription}, started in {watch.Elapsed.TotalSeconds:F1} s");
                    var serverConnectionString = databaseConnectionString +
                        (options.ServerConnectionOptions.Length > 0 ? ";" + options.ServerConnectionOptions : "");
                    environment["Storage__Database"] = "PostgreSql";
                    environment["Storage__ConnectionString"] = serverConnectionString;
                    probe = DatabaseProbe.ForPostgres(databaseConnectionString);
                }
                else
                {
                    var data = Path.Combine(work, "data");
                    Directory.CreateDirectory(data);
                    environment["Storage__Database"] = "Sqlite";
                    environment["Storage__DataDirectory"] = data;
                    storageDescription = $"SQLite files in {data} (WAL journal; default synchronous)";
                    probe = DatabaseProbe.ForSqlite(data);
                    Progress($"database: {storageDescription}");
                }

                var tokens = new BearerTokens();
                environment["Auth__SigningKey"] = tokens.SigningKey;
                foreach (var (key, value) in options.ServerEnvironment)
                {
                    environment[key] = value;
                    Progress($"server environment: {key}={(key.Contains("ConnectionString", StringComparison.Ordinal) ? "…" : value)}");
                }

                var startWatch = Stopwatch.StartNew();
                server = await ServerProcess.StartAsync(options.ServerAssembly, environment,
                    Path.Combine(work, "server.log"), cancellationToken);
                Progress($"server: pid {server.ProcessId} at {server.Address}, serving after {startWatch.Elapsed.TotalSeconds:F1} s " +
                    $"(log {server.LogPath})");

                var cpu = new CpuMonitor(() => server.ProcessId, postgresPort);
                using var channels = new ClientChannels(server.Address, options.Clients, options.ClientsPerChannel);
                await channels.ConnectAllAsync(cancellationToken);
                var workload = new GigWorkload(channels, tokens, options.Bands);

                var setupWatch = Stopwatch.StartNew();
                await workload.SetUpAsync(cancellationToken);
                Progress($"setup: {options.Bands * GigWorkload.MembersPerBand} members, {options.Bands} bands with policy " +
                    $"and partner in {setupWatch.Elapsed.TotalSeconds:F1} s");

                if (options.Warmup > 0)
                {
                    var warm = new GigRecorders(options.Warmup);
                    var warmTime = await workload.RunGigsAsync(WarmupPrefix, options.Warmup, options.Clients, warm,
                        cancellationToken);
                    Progress($"warm-up: {options.Warmup} gigs in {warmTime.TotalSeconds:F1} s " +
                        $"({options.Warmup / warmTime.TotalSeconds:F0}/s, {warm.Settlement.Failed} failed)");
                }
                await probe.WaitForProjectionAsync(ProjectionWaitMax, cancellationToken);

                // ---- the timed phase ----
                var recorders = new GigRecorders(options.Gigs);
                var before = await probe.ReadAsync(cancellationToken);
                var cpuBefore = cpu.Take();
                Progress($"timed: {options.Gigs} gigs with {options.Clients} clients over {channels.Count} channels ...");
                var elapsed = await workload.RunGigsAsync(TimedPrefix, options.Gigs, options.Clients, recorders,
                    cancellationToken);
                var gigCpu = CpuMonitor.Between(cpuBefore, cpu.Take());
                var after = await probe.ReadAsync(cancellationToken);
                var settlement = recorders.Settlement.Summarise(elapsed);
                Progress($"timed: done in {elapsed.TotalSeconds:F2} s: {settlement.PerSecond:F0} settlements/s, " +
                    $"p50 {settlement.P50Ms:F1} ms, p99 {settlement.P99Ms:F1} ms, {settlement.Failed} failed");
                foreach (var error in recorders.Errors) Progress($"  error: {error}");

                var lagAtEnd = after.JournalOrdering - after.ProjectedOffset;
                var catchUp = await probe.WaitForProjectionAsync(ProjectionWaitMax, cancellationToken);
                var gigWithCatchUpCpu = CpuMonitor.Between(cpuBefore, cpu.Take());
                var (events, meanBytes) = await probe.JournalSliceAsync(before.JournalOrdering, after.JournalOrdering,
                    cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken); // PostgreSQL flushes statistics ~1/s
                var afterCatchUp = await probe.ReadAsync(cancellationToken);
                var ledger = await probe.CheckLedgerAsync(TimedPrefix, cancellationToken);
                Progress($"projection: {lagAtEnd} events behind at the end, caught up " +
                    (catchUp is { } c ? $"{c.TotalSeconds:F1} s later" : "NOT (stalled or too slow)"));

                var notes = new List<string>
                {
                    $"journal: {events} events written in the timed phase ({(double)events / Math.Max(1, settlement.Count):F2} per settlement, " +
                    $"mean payload {meanBytes} bytes)",
                    $"projection: {lagAtEnd} events behind the journal when the timed phase ended " +
                    $"({(double)lagAtEnd / Math.Max(1, events) * 100:F0} % of its events), caught up " +
                    (catchUp is { } up ? $"{up.TotalSeconds:F1} s later" : "NOT: it stopped moving or took longer than " + ProjectionWaitMax.TotalMinutes + " min"),
                    $"read model: {ledger.SettledGigs} of {options.Gigs} timed gigs shown settled; ledger " +
                    $"{ledger.Transactions} transactions, {ledger.Postings} postings, sum of postings {ledger.Imbalance} " +
                    (ledger.Imbalance == 0 ? "(balanced)" : "(NOT BALANCED)"),
                };
                if (options.Storage == StorageMode.PostgreSql)
                {
                    var commits = afterCatchUp.Commits - before.Commits;
                    notes.Add($"database: {commits} commits during the timed phase and the projection's catch-up " +
                        $"({(double)commits / Math.Max(1, settlement.Count):F2} per settlement), " +
                        $"{afterCatchUp.RowsInserted - before.RowsInserted} rows inserted, " +
                        $"{afterCatchUp.RowsUpdated - before.RowsUpdated} updated");
                }

                var cpuPhases = new List<(string, CpuUsage, int)>
                {
                    ("gigs (timed phase)", gigCpu, settlement.Count),
                    ("gigs + projection catch-up", gigWithCatchUpCpu, settlement.Count),
                };
                if (gigCpu.Percent(gigCpu.OtherSeconds) > 20)
                {
                    notes.Add($"WARNING: other processes used {gigCpu.Percent(gigCpu.OtherSeconds):F0} % of the machine's CPU " +
                        "during the timed phase: wall-clock rates and latencies are lower than on a quiet machine; the CPU ms " +
                        "per operation are the figures to compare");
                }
                LatencySummary? apiFloor = null, persistenceFloor = null;
                if (!options.SkipFloors)
                {
                    // ---- API floor ----
                    if (options.Warmup > 0)
                    {
                        await Floors.RunHealthChecksAsync(channels, options.Warmup, options.Clients,
                            new LatencyRecorder("warm-up", options.Warmup), cancellationToken);
                    }
                    var health = new LatencyRecorder("API floor", options.Gigs);
                    var healthCpuStart = cpu.Take();
                    var healthTime = await Floors.RunHealthChecksAsync(channels, options.Gigs, options.Clients, health,
                        cancellationToken);
                    apiFloor = health.Summarise(healthTime);
                    cpuPhases.Add(("API floor (health checks)", CpuMonitor.Between(healthCpuStart, cpu.Take()), apiFloor.Count));
                    Progress($"API floor: {apiFloor.PerSecond:F0} health checks/s, p50 {apiFloor.P50Ms:F2} ms, p99 {apiFloor.P99Ms:F2} ms");

                    // ---- persistence floor ----
                    var inserts = new LatencyRecorder("persistence floor", options.Gigs);
                    TimeSpan insertTime;
                    var insertCpuStart = cpu.Take();
                    if (options.Storage == StorageMode.PostgreSql)
                    {
                        floorDataSource = await Floors.PreparePostgresAsync(databaseConnectionString!, options.Clients,
                            cancellationToken);
                        if (options.Warmup > 0)
                        {
                            await Floors.RunPostgresInsertsAsync(floorDataSource, options.Warmup, options.Clients,
                                new LatencyRecorder("warm-up", options.Warmup), cancellationToken);
                        }
                        insertCpuStart = cpu.Take();
                        insertTime = await Floors.RunPostgresInsertsAsync(floorDataSource, options.Gigs, options.Clients,
                            inserts, cancellationToken);
                    }
                    else
                    {
                        var floorDb = await Floors.PrepareSqliteAsync(work, cancellationToken);
                        if (options.Warmup > 0)
                        {
                            await Floors.RunSqliteInsertsAsync(floorDb, options.Warmup, options.Clients,
                                new LatencyRecorder("warm-up", options.Warmup), cancellationToken);
                        }
                        insertCpuStart = cpu.Take();
                        insertTime = await Floors.RunSqliteInsertsAsync(floorDb, options.Gigs, options.Clients, inserts,
                            cancellationToken);
                    }
                    persistenceFloor = inserts.Summarise(insertTime);
                    cpuPhases.Add(("persistence floor (INSERT tx)", CpuMonitor.Between(insertCpuStart, cpu.Take()),
                        persistenceFloor.Count));
                    Progress($"persistence floor: {persistenceFloor.PerSecond:F0} INSERT transactions/s, " +
                        $"p50 {persistenceFloor.P50Ms:F2} ms, p99 {persistenceFloor.P99Ms:F2} ms");
                }

                var configuration =
                    $"{options.Gigs} gigs (5-member line-ups; RegisterGig + MarkPerformed + RecordFeeReceived each), " +
                    $"{options.Clients} clients over {channels.Count} gRPC channels, {options.Bands} bands, warm-up " +
                    $"{options.Warmup}\nserver: Release build, Production environment, logging at Warning; " +
                    $"storage: {storageDescription}\n" +
                    $"machine: {Environment.ProcessorCount} cores shared by server, database and load generator; " +
                    $"load average at the end {LoadAverage()}; load generator built {LoadTestOptions.BuildConfiguration}";
                if (options.ServerEnvironment.Count > 0 || options.ServerConnectionOptions.Length > 0)
                {
                    configuration += "\nexperiment: " + string.Join(", ",
                        options.ServerEnvironment.Select(e => $"{e.Key}={e.Value}")
                            .Concat(options.ServerConnectionOptions.Length > 0
                                ? [$"connection string +\"{options.ServerConnectionOptions}\""]
                                : []));
                }
                return new RunResult
                {
                    Configuration = configuration,
                    Clients = options.Clients,
                    Gigs =
                    [
                        settlement, recorders.Register.Summarise(elapsed), recorders.Performed.Summarise(elapsed),
                        recorders.Fee.Summarise(elapsed),
                    ],
                    ApiFloor = apiFloor,
                    PersistenceFloor = persistenceFloor,
                    Cpu = cpuPhases,
                    Notes = notes,
                };
            }
            catch (Exception) when (server is not null && !cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine($"server log (last lines of {server.LogPath}):\n{server.LogTail()}");
                throw;
            }
            finally
            {
                if (floorDataSource is not null) await floorDataSource.DisposeAsync();
                if (server is not null) await server.DisposeAsync();
                if (postgres is not null) await postgres.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                if (!options.KeepFiles)
                {
                    try
                    {
                        Directory.Delete(work, recursive: true);
                    }
                    catch (IOException)
                    {
                    }
                }
                else
                {
                    Progress($"kept: {work}");
                }
            }
        }

        private static async Task<string> PostgresVersionAsync(string connectionString, CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SHOW server_version", connection);
            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        private static string LoadAverage()
        {
            try
            {
                return File.Exists("/proc/loadavg")
                    ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
                    : "unknown";
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        private static void Progress(string message) =>
            Console.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");
    }
}
