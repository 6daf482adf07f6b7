namespace MusicCollective.Api.Tests.Support;

/// <summary>xunit 2 finds collection definitions only in the test assembly: the PostgreSQL collection, declared once.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;

/// <summary>Fresh storage for each engine.</summary>
public static class Engines
{
    /// <summary>A fresh SQLite folder.</summary>
    public static Task<ServerStorage> NewSqliteAsync() => Task.FromResult<ServerStorage>(SqliteStorage.CreateTemporary());

    /// <summary>A fresh database on the shared PostgreSQL server.</summary>
    public static async Task<ServerStorage> NewPostgresAsync(PostgresFixture postgres) =>
        new PostgresStorage(await postgres.CreateDatabaseAsync("api"));
}
