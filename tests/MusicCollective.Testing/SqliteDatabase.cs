using Microsoft.Data.Sqlite;

namespace MusicCollective.Testing;

/// <summary>
/// A fresh SQLite database file in the temp folder (created on first use), deleted with its WAL and shared-memory
/// files on dispose. A file rather than an in-memory database, so tests see WAL, locking and several connections as
/// production does.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>Names a new database file; nothing is created until a connection opens it.</summary>
    public SqliteDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mc-sqlite-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ConnectionString;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Connection string of the database file.</summary>
    public string ConnectionString { get; }

    /// <summary>Closes pooled connections and deletes the database's files.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // Still open elsewhere: it is a temp file, and the OS cleans the temp folder in the end.
            }
        }
    }
}
