using MusicCollective.ReadModel;

namespace MusicCollective.Actors.Hosting;

/// <summary>
/// How this node runs its actor system: where remoting listens, which seed nodes form the cluster (none: the node
/// joins itself, a single-node cluster), and which database holds the journal and snapshots.
/// </summary>
public sealed record AkkaSettings
{
    /// <summary>The actor system's name; every node of a cluster uses the same.</summary>
    public string SystemName { get; init; } = "music-collective";

    /// <summary>Address remoting binds to.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>Remoting port; 0 picks a free one (fine for a single node).</summary>
    public int Port { get; init; }

    /// <summary>Seed node addresses (akka.tcp://music-collective@host:port); empty means join itself.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>The journal's database engine.</summary>
    public DatabaseKind Database { get; init; } = DatabaseKind.Sqlite;

    /// <summary>Connection string of the journal and snapshot store.</summary>
    public string JournalConnectionString { get; init; } = "";

    /// <summary>The linq2db provider name Akka.Persistence.Sql needs for <see cref="Database"/>.</summary>
    public string ProviderName => Database switch
    {
        DatabaseKind.Sqlite => "SQLite.MS",
        DatabaseKind.PostgreSql => "PostgreSQL.15",
        _ => throw new ArgumentOutOfRangeException(nameof(Database), Database, "unknown database"),
    };
}
