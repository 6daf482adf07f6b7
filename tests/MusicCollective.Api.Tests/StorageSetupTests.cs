using MusicCollective.ReadModel;
using MusicCollective.Server.Storage;
using Npgsql;

namespace MusicCollective.Api.Tests;

/// <summary>How the server resolves its PostgreSQL connection string: automatic preparation on unless it says otherwise.</summary>
public sealed class StorageSetupTests
{
    private const string Given = "Host=db.example.org;Database=mc;Username=mc;Password=secret";

    /// <summary>Proves a connection string without the setting gets automatic preparation, for the journal and the read model alike, and keeps everything else.</summary>
    [Fact]
    public void PostgreSql_connection_string_gets_automatic_preparation()
    {
        var resolved = Resolve(Given);
        foreach (var connectionString in (string[])[resolved.JournalConnectionString, resolved.ReadModelConnectionString])
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            Assert.Equal((64, 2), (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages));
            Assert.Equal(("db.example.org", "mc", "mc", "secret"), (builder.Host, builder.Database, builder.Username, builder.Password));
        }
    }

    /// <summary>Proves an explicit setting wins, including 0 (off, as a pooler in transaction mode needs), in either spelling.</summary>
    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("MaxAutoPrepare=0", 0)]
    [InlineData("max auto prepare=10", 10)]
    public void An_explicit_max_auto_prepare_is_kept(string setting, int expected)
    {
        var resolved = Resolve($"{Given};{setting}");
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(resolved.JournalConnectionString).MaxAutoPrepare);
        Assert.Equal(resolved.JournalConnectionString, resolved.ReadModelConnectionString);
    }

    private static StorageSetup.Resolved Resolve(string connectionString)
    {
        var resolved = StorageSetup.Resolve(
            new StorageSettings { Database = DatabaseKind.PostgreSql, ConnectionString = connectionString }, Path.GetTempPath());
        Assert.Equal(DatabaseKind.PostgreSql, resolved.Kind);
        return resolved;
    }
}
