using MusicCollective.ReadModel;
using Npgsql;
using Xunit.Abstractions;

namespace MusicCollective.ReadModel.Tests;

/// <summary>The test support itself: isolated PostgreSQL databases, temporary SQLite files that clean up.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_database_is_fresh_and_separate_even_under_the_same_name()
    {
        output.WriteLine($"PostgreSQL from {postgres.Server.Source}: {postgres.Server.ConnectionString}");
        var first = await postgres.CreateDatabaseAsync("isolation");
        var second = await postgres.CreateDatabaseAsync("isolation");
        Assert.NotEqual(first, second);

        await using (var store = new SqlReadModelStore(DatabaseKind.PostgreSql, first))
        {
            await store.EnsureSchemaAsync(CancellationToken.None);
        }

        Assert.Equal(6, await CountTablesAsync(first)); // the rm_ tables
        Assert.Equal(0, await CountTablesAsync(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad-name")]
    [InlineData("x\"; DROP DATABASE postgres; --")]
    [InlineData("1starts_with_a_digit")]
    public async Task A_database_name_that_is_not_a_plain_identifier_is_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => postgres.CreateDatabaseAsync(name));
    }

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task The_database_file_and_its_WAL_are_deleted_on_dispose()
    {
        var database = new SqliteDatabase();
        await using (var store = new SqlReadModelStore(DatabaseKind.Sqlite, database.ConnectionString))
        {
            await store.EnsureSchemaAsync(CancellationToken.None);
            await store.ApplyAsync("p", 1, [new UpsertMember(Rows.Member("m-1"))], CancellationToken.None);
            Assert.True(File.Exists(database.Path));
        }

        database.Dispose();

        Assert.False(File.Exists(database.Path));
        Assert.False(File.Exists(database.Path + "-wal"));
        Assert.False(File.Exists(database.Path + "-shm"));
    }
}
