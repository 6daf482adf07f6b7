using System.Data.Common;
using Microsoft.Data.Sqlite;
using MusicCollective.ReadModel;
using Npgsql;

namespace MusicCollective.ReadModel.Tests;

/// <summary>The ping behind the readiness probe.</summary>
public abstract partial class ReadModelStoreContract
{
    [Fact]
    public async Task Ping_answers_on_a_reachable_database_and_throws_on_a_missing_one()
    {
        await Store.PingAsync(Ct);

        var missing = Kind == DatabaseKind.Sqlite
            ? new SqliteConnectionStringBuilder(ConnectionString)
            {
                DataSource = Path.Combine(Path.GetTempPath(), $"mc-no-such-folder-{Guid.NewGuid():N}", "readmodel.db"),
            }.ToString()
            : new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "no_such_database" }.ToString();
        await using var unreachable = new SqlReadModelStore(Kind, missing);
        await Assert.ThrowsAnyAsync<DbException>(() => unreachable.PingAsync(Ct));
    }
}
