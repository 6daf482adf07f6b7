using System.Data.Common;
using Microsoft.Data.Sqlite;
using MusicCollective.ReadModel;
using Npgsql;
using Xunit.Abstractions;

namespace MusicCollective.ReadModel.Tests;

/// <summary>
/// The contract every <see cref="IReadModelStore"/> engine must keep. Written once, run by
/// <see cref="SqliteReadModelStoreTests"/> and <see cref="PostgresReadModelStoreTests"/>; each test gets its own
/// fresh database. Split into partial classes by aspect.
/// </summary>
public abstract partial class ReadModelStoreContract(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly Stack<Func<ValueTask>> _cleanup = new();

    protected ITestOutputHelper Output { get; } = output;

    protected static CancellationToken Ct => CancellationToken.None;

    protected abstract DatabaseKind Kind { get; }

    /// <summary>The test's database.</summary>
    protected string ConnectionString { get; private set; } = "";

    /// <summary>A store over the test's database, its schema created.</summary>
    protected SqlReadModelStore Store { get; private set; } = null!;

    /// <summary>A fresh, empty database; its connection string. Cleaned up after the test.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>Registers something to undo after the test, in reverse order of registration.</summary>
    protected void OnCleanup(Func<ValueTask> cleanup) => _cleanup.Push(cleanup);

    /// <summary>Another store (its own connection pool) on <paramref name="connectionString"/>, schema ensured.</summary>
    protected async Task<SqlReadModelStore> OpenStoreAsync(string connectionString)
    {
        var store = new SqlReadModelStore(Kind, connectionString);
        OnCleanup(store.DisposeAsync);
        await store.EnsureSchemaAsync(Ct);
        return store;
    }

    public async Task InitializeAsync()
    {
        ConnectionString = await NewDatabaseAsync();
        Store = await OpenStoreAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        while (_cleanup.TryPop(out var cleanup)) await cleanup();
    }

    /// <summary>Runs raw SQL on the test's database (for checks outside the store's API).</summary>
    protected async Task<List<string>> QueryStringsAsync(string sql)
    {
        await using DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) values.Add(reader.GetString(0));
        return values;
    }

    protected Task ExecuteSqlAsync(string sql) => QueryStringsAsync(sql);

    /// <summary>Every entry of an account, walking pages of <paramref name="pageSize"/>.</summary>
    protected static async Task<List<LedgerEntryRow>> AllEntriesAsync(IReadModelStore store, string account,
        string? currency = null, int pageSize = 7)
    {
        var entries = new List<LedgerEntryRow>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ListEntriesAsync(account, currency, pageSize, token, Ct);
            Assert.True(page.Items.Count <= pageSize);
            Assert.True(page.NextPageToken is null || page.Items.Count == pageSize, "only the last page may be short");
            entries.AddRange(page.Items);
            token = page.NextPageToken;
            Assert.True(++pages < 100_000, "pagination does not end");
        } while (token is not null);
        return entries;
    }
}

/// <summary>The contract on a SQLite file (WAL).</summary>
public sealed class SqliteReadModelStoreTests(ITestOutputHelper output) : ReadModelStoreContract(output)
{
    protected override DatabaseKind Kind => DatabaseKind.Sqlite;

    protected override Task<string> NewDatabaseAsync()
    {
        var database = new SqliteDatabase();
        OnCleanup(() =>
        {
            database.Dispose();
            return ValueTask.CompletedTask;
        });
        return Task.FromResult(database.ConnectionString);
    }
}

/// <summary>The contract on a real PostgreSQL server, shared by the test run; a database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReadModelStoreTests(PostgresFixture postgres, ITestOutputHelper output)
    : ReadModelStoreContract(output)
{
    protected override DatabaseKind Kind => DatabaseKind.PostgreSql;

    protected override Task<string> NewDatabaseAsync() => postgres.CreateDatabaseAsync("readmodel");
}

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
