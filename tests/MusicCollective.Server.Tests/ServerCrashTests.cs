using Microsoft.Data.Sqlite;
using MusicCollective.ReadModel;
using MusicCollective.Testing;

// Each test runs a real server and kills it twenty times: two at once would only fight over two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace MusicCollective.Server.Tests;

/// <summary>xunit 2 finds collection definitions only in the test assembly: the shared PostgreSQL server.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;

/// <summary>
/// The crash test on the embedded default storage: SQLite files (journal and read model) in a temporary folder that
/// outlives every SIGKILL of the server.
/// </summary>
public sealed class SqliteServerCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Settlements_survive_repeated_SIGKILL_exactly_once()
    {
        var directory = Directory.CreateTempSubdirectory("mc-crash-sqlite-").FullName;
        try
        {
            var storage = new ServerStorage("sqlite",
                new Dictionary<string, string>
                {
                    ["Storage__Database"] = "Sqlite",
                    ["Storage__DataDirectory"] = directory,
                },
                DatabaseKind.Sqlite,
                new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(directory, "readmodel.db"),
                    Mode = SqliteOpenMode.ReadOnly,
                    Pooling = false,
                }.ConnectionString);
            await new CrashScenario(storage, new CrashScenarioOptions { Gigs = 300, Kills = 20 }.WithEnvironmentOverrides(), output).RunAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            RemoveData(directory);
        }
    }

    // MC_CRASH_KEEP_DATA=1 keeps the database files, to look into them after a run.
    private void RemoveData(string directory)
    {
        if (Environment.GetEnvironmentVariable("MC_CRASH_KEEP_DATA") == "1")
        {
            output.WriteLine($"data kept in {directory}");
            return;
        }
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

/// <summary>The crash test on PostgreSQL (journal and read model in one database), from the shared test server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerCrashTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Settlements_survive_repeated_SIGKILL_exactly_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync("crash");
        var storage = new ServerStorage("postgresql",
            new Dictionary<string, string>
            {
                ["Storage__Database"] = "PostgreSql",
                ["Storage__ConnectionString"] = connectionString,
            },
            DatabaseKind.PostgreSql,
            connectionString);
        await new CrashScenario(storage, new CrashScenarioOptions { Gigs = 200, Kills = 20 }.WithEnvironmentOverrides(), output).RunAsync();
    }
}
