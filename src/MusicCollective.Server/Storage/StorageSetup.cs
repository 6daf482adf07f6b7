using System.Data.Common;
using Microsoft.Data.Sqlite;
using MusicCollective.ReadModel;
using Npgsql;

namespace MusicCollective.Server.Storage;

/// <summary>Resolves the connection strings and prepares the databases before anything starts using them.</summary>
public static class StorageSetup
{
    /// <summary>The journal's and the read model's connection strings.</summary>
    public sealed record Resolved(DatabaseKind Kind, string JournalConnectionString, string ReadModelConnectionString);

    /// <summary>Resolves <paramref name="settings"/> against the content root; creates the data folder for SQLite.</summary>
    public static Resolved Resolve(StorageSettings settings, string contentRoot)
    {
        if (settings.Database == DatabaseKind.PostgreSql)
        {
            var connectionString = settings.ConnectionString is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Database is PostgreSql");
            var tuned = WithAutoPrepare(connectionString);
            return new Resolved(DatabaseKind.PostgreSql, tuned, tuned);
        }
        var directory = Path.GetFullPath(settings.DataDirectory, contentRoot);
        Directory.CreateDirectory(directory);
        return new Resolved(DatabaseKind.Sqlite, SqliteFile(directory, "journal.db"), SqliteFile(directory, "readmodel.db"));
    }

    /// <summary>
    /// Puts a SQLite journal in write-ahead-log mode (a property of the file, kept across restarts) so the projection
    /// can read while entities write. PostgreSQL needs nothing.
    /// </summary>
    public static void PrepareJournal(Resolved storage)
    {
        if (storage.Kind != DatabaseKind.Sqlite) return;
        using var connection = new SqliteConnection(storage.JournalConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    // The journal and the read model send a few statement shapes over and over; with automatic preparation Npgsql
    // prepares each after its second use, so PostgreSQL stops parsing and planning them on every call (measured: less
    // database CPU per settlement). A connection string that sets Max Auto Prepare itself keeps its value: behind a
    // pooler in transaction mode, for one, it must say 0.
    private static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal)
                .Equals(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare), StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        return builder.ConnectionString;
    }

    private static string SqliteFile(string directory, string file) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, file), DefaultTimeout = 30 }.ToString();
}
