namespace MusicCollective.ReadModel;

/// <summary>Which SQL engine holds the journal and the read model.</summary>
public enum DatabaseKind
{
    /// <summary>An embedded SQLite file: the default, so the server runs on a bare machine.</summary>
    Sqlite = 1,
    /// <summary>PostgreSQL: production.</summary>
    PostgreSql = 2,
}
