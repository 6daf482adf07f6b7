using MusicCollective.ReadModel;

namespace MusicCollective.Api.Tests.Support;

/// <summary>
/// Where a test server keeps its state: the journal and the read model. Outlives the servers that use it, so a test
/// can stop a server and start another on the same data.
/// </summary>
public abstract record ServerStorage
{
    /// <summary>The engine.</summary>
    public abstract DatabaseKind Kind { get; }

    /// <summary>The server settings (configuration keys) that point a server at this storage.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Settings { get; }

    /// <summary>Deletes what can be deleted once no server uses the storage any more.</summary>
    public virtual void Delete()
    {
    }
}

/// <summary>SQLite files in a fresh temporary folder (journal.db and readmodel.db), deleted by <see cref="Delete"/>.</summary>
public sealed record SqliteStorage(string Directory) : ServerStorage
{
    /// <summary>A new, empty folder in the temp folder.</summary>
    public static SqliteStorage CreateTemporary() =>
        new(System.IO.Directory.CreateTempSubdirectory("mc-api-tests-").FullName);

    /// <inheritdoc />
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Storage:Database", nameof(DatabaseKind.Sqlite)),
        new("Storage:DataDirectory", Directory),
    ];

    /// <inheritdoc />
    public override void Delete()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold a file: it is a temp folder, the OS cleans it in the end.
        }
    }
}

/// <summary>A database of its own on the shared PostgreSQL server (the collection fixture drops the server).</summary>
public sealed record PostgresStorage(string ConnectionString) : ServerStorage
{
    /// <inheritdoc />
    public override DatabaseKind Kind => DatabaseKind.PostgreSql;

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Storage:Database", nameof(DatabaseKind.PostgreSql)),
        new("Storage:ConnectionString", ConnectionString),
    ];
}
