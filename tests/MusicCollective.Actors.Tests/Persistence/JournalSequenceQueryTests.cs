using Akka.Configuration;
using MusicCollective.Actors.Persistence;

namespace MusicCollective.Actors.Tests.Persistence;

/// <summary>
/// The highest-sequence-number SQL follows the journal plugin's table mapping, and the plugin's own query stays in
/// charge wherever this one would not read the same rows.
/// </summary>
public sealed class JournalSequenceQueryTests
{
    private const string PostgreSql = """
        provider-name = "PostgreSQL.15"
        connection-string = "Host=127.0.0.1;Database=mc"
        """;

    /// <summary>Proves the default mapping reads the plugin's default table and columns, strictly above the given number.</summary>
    [Fact]
    public void Default_mapping_reads_the_journal_table()
    {
        Assert.Equal(
            "SELECT MAX(\"sequence_number\") FROM \"journal\" WHERE \"persistence_id\" = $1 AND \"sequence_number\" > $2",
            JournalSequenceQuery.For(ConfigurationFactory.ParseString(PostgreSql)));
    }

    /// <summary>Proves a schema and a legacy mapping (other table and column names) are followed.</summary>
    [Fact]
    public void Schema_and_legacy_mapping_are_followed()
    {
        var config = ConfigurationFactory.ParseString(PostgreSql + """

            table-mapping = postgresql
            postgresql.schema-name = ledger
            """);
        Assert.Equal(
            "SELECT MAX(\"sequence_nr\") FROM \"ledger\".\"event_journal\" WHERE \"persistence_id\" = $1 AND \"sequence_nr\" > $2",
            JournalSequenceQuery.For(config));
    }

    /// <summary>Proves SQLite, a configuration without a connection string, delete-compatibility mode and the legacy table-compatibility mode keep the plugin's query.</summary>
    [Theory]
    [InlineData("provider-name = \"SQLite.MS\"\nconnection-string = \"Data Source=journal.db\"")]
    [InlineData("provider-name = \"PostgreSQL.15\"")]
    [InlineData("provider-name = \"PostgreSQL.15\"\nconnection-string = \"Host=db\"\ndelete-compatibility-mode = true")]
    [InlineData("provider-name = \"PostgreSQL.15\"\nconnection-string = \"Host=db\"\ntable-compatibility-mode = postgresql")]
    public void Other_setups_keep_the_plugin_query(string hocon)
    {
        Assert.Null(JournalSequenceQuery.For(ConfigurationFactory.ParseString(hocon)));
    }
}
