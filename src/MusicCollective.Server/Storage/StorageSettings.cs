using MusicCollective.ReadModel;

namespace MusicCollective.Server.Storage;

/// <summary>
/// Where state lives. The default is embedded SQLite files in <see cref="DataDirectory"/> (the journal and the read
/// model in two files, so the projection's writes never wait on the journal's); PostgreSQL for production, where
/// one database holds the journal tables and the read-model tables side by side.
/// </summary>
public sealed record StorageSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>SQLite (embedded default) or PostgreSql.</summary>
    public DatabaseKind Database { get; init; } = DatabaseKind.Sqlite;

    /// <summary>For SQLite: the folder of the database files, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>For PostgreSQL: the connection string (required).</summary>
    public string? ConnectionString { get; init; }
}
