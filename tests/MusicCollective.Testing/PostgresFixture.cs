namespace MusicCollective.Testing;

/// <summary>
/// One PostgreSQL server shared by every test in the <see cref="PostgresCollection.Name"/> collection, started before
/// the first and stopped after the last. Each test takes its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// xunit 2 only finds collection definitions in the test assembly itself, so each test project declares (once):
/// <code>
/// [CollectionDefinition(PostgresCollection.Name)]
/// public sealed class PostgresCollectionDefinition : ICollectionFixture&lt;PostgresFixture&gt;;
/// </code>
/// and marks its PostgreSQL test classes <c>[Collection(PostgresCollection.Name)]</c>.
/// </remarks>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server.</summary>
    public PostgresServer Server =>
        _server ?? throw new InvalidOperationException("the PostgreSQL fixture has not been initialised");

    /// <summary>A fresh, empty database on the shared server; see <see cref="PostgresServer.CreateDatabaseAsync"/>.</summary>
    public Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        Server.CreateDatabaseAsync(name, cancellationToken);

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>The name of the xunit collection whose tests share one <see cref="PostgresFixture"/>.</summary>
public static class PostgresCollection
{
    /// <summary>Collection name for <c>[Collection]</c> and <c>[CollectionDefinition]</c>.</summary>
    public const string Name = "PostgreSQL";
}
