using Akka.Configuration;
using Akka.Persistence.Sql;

namespace MusicCollective.Actors.Persistence;

/// <summary>
/// The SQL that answers "highest sequence number of this entity" on PostgreSQL, built from the journal plugin's own
/// table mapping so it reads the table and columns the plugin writes. It matches the plugin's native-mode query: the
/// largest sequence number above the one given (deleted rows count: the plugin keeps the highest row when it
/// deletes), none meaning 0.
/// </summary>
public static class JournalSequenceQuery
{
    /// <summary>
    /// The query for a journal configuration block, or null when the plugin's own query must be used: another engine,
    /// no connection string (the plugin then gets its connection from elsewhere), delete-compatibility mode (the
    /// highest number then also lives in a metadata table), or the legacy table-compatibility-mode key. Unset keys
    /// take the plugin's defaults, as the plugin does.
    /// </summary>
    public static string? For(Config journalBlock)
    {
        var journal = journalBlock.WithFallback(SqlPersistence.DefaultJournalConfiguration);
        if (!journal.GetString("provider-name", "").StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase)) return null;
        if (string.IsNullOrWhiteSpace(journal.GetString("connection-string", ""))) return null;
        if (journal.GetBoolean("delete-compatibility-mode", false)) return null;
        // The legacy key overrides table-mapping inside the plugin; rather than follow that too, leave it the plugin.
        if (!string.IsNullOrWhiteSpace(journal.GetString("table-compatibility-mode", ""))) return null;
        var mapping = journal.GetString("table-mapping", "default");
        var schema = journal.GetString($"{mapping}.schema-name", null);
        var table = journal.GetString($"{mapping}.journal.table-name");
        var persistenceId = journal.GetString($"{mapping}.journal.columns.persistence-id");
        var sequenceNumber = journal.GetString($"{mapping}.journal.columns.sequence-number");
        var qualifiedTable = string.IsNullOrEmpty(schema) ? Quote(table) : $"{Quote(schema)}.{Quote(table)}";
        return $"SELECT MAX({Quote(sequenceNumber)}) FROM {qualifiedTable} " +
               $"WHERE {Quote(persistenceId)} = $1 AND {Quote(sequenceNumber)} > $2";
    }

    // Quoted like linq2db does for names that need it; for the default lower-case names quoting changes nothing.
    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}
