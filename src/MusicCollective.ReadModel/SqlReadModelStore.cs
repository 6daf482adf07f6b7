using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace MusicCollective.ReadModel;

/// <summary>
/// <see cref="IReadModelStore"/> over plain ADO.NET, on SQLite (Microsoft.Data.Sqlite) or PostgreSQL (Npgsql). The
/// SQL is written once; <see cref="SqlDialect"/> holds the few differences. Thread-safe: every call opens its own
/// pooled connection.
/// </summary>
/// <remarks>
/// <para><b>Exactly once.</b> <see cref="ApplyAsync"/> writes a batch and the projection's offset in one database
/// transaction. A ledger transaction is inserted only if its id is new, and its postings only if the transaction row
/// was inserted, so applying a batch again never counts money twice. Upserted rows remember the offset of the batch
/// that wrote them and are not overwritten by an older batch. The stored offset only moves forward.</para>
/// <para><b>Pages.</b> Keyset pagination; the page token is opaque (base64url of the last key and the list's
/// filters). Page size 0 means <see cref="IReadModelStore.PageSizeDefault"/>; a larger size than
/// <see cref="IReadModelStore.PageSizeMax"/> is clamped to it (AIP-158); a negative size is an
/// <see cref="ArgumentOutOfRangeException"/>; a token this store did not issue for the same list and filters is an
/// <see cref="InvalidPageTokenException"/>.</para>
/// <para><b>Currency filter</b> of <see cref="ListEntriesAsync"/>: null or "" means every currency.</para>
/// <para><b>Times</b> come back in UTC, truncated to whole microseconds. <b>Entry order</b> is insertion order
/// (<c>entry_seq</c>); with one writer (the projection) a page never misses a row committed later.</para>
/// </remarks>
public sealed class SqlReadModelStore : IReadModelStore, IAsyncDisposable, IDisposable
{
    private readonly SqlDialect _dialect;

    /// <summary>A store over the database that <paramref name="connectionString"/> names. Opens nothing yet.</summary>
    public SqlReadModelStore(DatabaseKind kind, string connectionString)
    {
        _dialect = SqlDialect.Create(kind, connectionString);
    }

    /// <summary>The engine this store writes to.</summary>
    public DatabaseKind Kind => _dialect.Kind;

    /// <inheritdoc />
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await _dialect.PrepareDatabaseAsync(connection, cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        await _dialect.LockSchemaAsync(connection, transaction, cancellationToken);
        foreach (var sql in ReadModelSchema.Statements(_dialect))
        {
            await using var command = NewCommand(connection, transaction, sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = NewCommand(connection, null, "SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> GetOffsetAsync(string projection, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(projection);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = NewCommand(connection, null,
            """SELECT "offset" FROM rm_projection_offsets WHERE projection = $1""");
        AddParameter(command, DbType.String, projection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A change without its row or id; nothing is written.</exception>
    /// <exception cref="MusicCollective.Domain.Errors.InvariantViolationException">A ledger transaction with fewer than
    /// two postings or not summing to zero per currency; nothing is written.</exception>
    /// <exception cref="DbException">The database refused a row (e.g. a repeated posting index): the whole batch is
    /// rolled back and the offset is unchanged.</exception>
    public async Task ApplyAsync(string projection, long offset, IReadOnlyList<ReadModelChange> changes,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(projection);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var batch = ChangeBatch.Create(changes);

        await using var connection = await _dialect.OpenAsync(cancellationToken);
        // Disposing an uncommitted transaction rolls it back: a failure anywhere below leaves nothing applied.
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        await UpsertMembersAsync(connection, transaction, batch.Members, offset, cancellationToken);
        await UpsertBandsAsync(connection, transaction, batch.Bands, offset, cancellationToken);
        await UpsertGigsAsync(connection, transaction, batch.Gigs, offset, cancellationToken);
        await UpdateGigStatusesAsync(connection, transaction, batch.GigStatuses, offset, cancellationToken);
        var inserted = await InsertTransactionsAsync(connection, transaction, batch.Transactions, cancellationToken);
        var newTransactions = batch.Transactions.Where(t => inserted.Contains(t.TransactionId)).ToList();
        await InsertPostingsAsync(connection, transaction, newTransactions, cancellationToken);
        await SaveOffsetAsync(connection, transaction, projection, offset, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CurrencyAmount>> GetBalancesAsync(string account,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = NewCommand(connection, null,
            """
            SELECT currency, CAST(SUM(amount_minor) AS BIGINT) FROM rm_ledger_postings
            WHERE account = $1 GROUP BY currency ORDER BY currency
            """);
        AddParameter(command, DbType.String, account);
        return await ReadAmountsAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<LedgerEntryRow>> ListEntriesAsync(string account, string? currency, int pageSize,
        string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        if (currency is "") currency = null; // proto3 sends "" for "not set": no filter, as null
        var size = PageToken.EffectivePageSize(pageSize);
        string?[] scope = ["entries", account, currency];
        var key = PageToken.Decode(pageToken, scope, keyLength: 1);
        var afterSeq = 0L;
        if (key is not null &&
            (!long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out afterSeq) || afterSeq <= 0))
        {
            throw new InvalidPageTokenException("it is malformed");
        }

        var sql = $"""
            SELECT p.entry_seq, p.transaction_id, t.record_time, t.reference, {PostingColumns("p.")}
            FROM rm_ledger_postings p JOIN rm_ledger_transactions t ON t.transaction_id = p.transaction_id
            WHERE p.account = $1 AND p.entry_seq > $2{(currency is null ? "" : " AND p.currency = $4")}
            ORDER BY p.entry_seq LIMIT $3
            """;
        return ReadPageAsync<LedgerEntryRow>(sql, scope, size, command =>
            {
                AddParameter(command, DbType.String, account);
                AddParameter(command, DbType.Int64, afterSeq);
                AddParameter(command, DbType.Int32, size + 1);
                if (currency is not null) AddParameter(command, DbType.String, currency);
            },
            reader => (new LedgerEntryRow(reader.GetString(1), _dialect.ReadTimestamp(reader, 2), reader.GetString(3),
                ReadPosting(reader, 4)), [reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)]),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LedgerCheck> CheckLedgerAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        // One snapshot for totals and counts, so they agree even while the projection writes.
        await using var transaction = await _dialect.BeginSnapshotReadAsync(connection, cancellationToken);
        IReadOnlyList<CurrencyAmount> totals;
        await using (var command = NewCommand(connection, transaction,
                         """
                         SELECT currency, CAST(SUM(amount_minor) AS BIGINT) FROM rm_ledger_postings
                         GROUP BY currency ORDER BY currency
                         """))
        {
            totals = await ReadAmountsAsync(command, cancellationToken);
        }
        long transactionCount, postingCount;
        await using (var command = NewCommand(connection, transaction,
                         """
                         SELECT (SELECT COUNT(*) FROM rm_ledger_transactions), (SELECT COUNT(*) FROM rm_ledger_postings)
                         """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            transactionCount = reader.GetInt64(0);
            postingCount = reader.GetInt64(1);
        }
        await transaction.CommitAsync(cancellationToken);
        return new LedgerCheck(totals, transactionCount, postingCount);
    }

    /// <inheritdoc />
    public Task<Page<MemberRow>> ListMembersAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.EffectivePageSize(pageSize);
        string?[] scope = ["members"];
        var key = PageToken.Decode(pageToken, scope, keyLength: 1);
        var sql = $"""
            SELECT member_id, display_name, email, create_time FROM rm_members
            {(key is null ? "" : "WHERE member_id > $2")}
            ORDER BY member_id LIMIT $1
            """;
        return ReadPageAsync<MemberRow>(sql, scope, size, command =>
            {
                AddParameter(command, DbType.Int32, size + 1);
                if (key is not null) AddParameter(command, DbType.String, key[0]);
            },
            reader => (new MemberRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                _dialect.ReadTimestamp(reader, 3)), [reader.GetString(0)]),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<BandRow>> ListBandsAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.EffectivePageSize(pageSize);
        string?[] scope = ["bands"];
        var key = PageToken.Decode(pageToken, scope, keyLength: 1);
        var sql = $"""
            SELECT band_id, name, create_time FROM rm_bands
            {(key is null ? "" : "WHERE band_id > $2")}
            ORDER BY band_id LIMIT $1
            """;
        return ReadPageAsync<BandRow>(sql, scope, size, command =>
            {
                AddParameter(command, DbType.Int32, size + 1);
                if (key is not null) AddParameter(command, DbType.String, key[0]);
            },
            reader => (new BandRow(reader.GetString(0), reader.GetString(1), _dialect.ReadTimestamp(reader, 2)),
                [reader.GetString(0)]),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<GigRow>> ListGigsAsync(string bandId, int pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bandId);
        var size = PageToken.EffectivePageSize(pageSize);
        string?[] scope = ["gigs", bandId];
        var key = PageToken.Decode(pageToken, scope, keyLength: 2);
        var afterDate = default(DateOnly);
        if (key is not null &&
            !DateOnly.TryParseExact(key[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None,
                out afterDate))
        {
            throw new InvalidPageTokenException("it is malformed");
        }

        // Newest date first, then by id: the keyset predicate mirrors ORDER BY exactly.
        var sql = $"""
            SELECT gig_id, band_id, venue, gig_date, status, currency, agreed_fee_minor, update_time FROM rm_gigs
            WHERE band_id = $1{(key is null ? "" : " AND (gig_date < $3 OR (gig_date = $3 AND gig_id > $4))")}
            ORDER BY gig_date DESC, gig_id LIMIT $2
            """;
        return ReadPageAsync<GigRow>(sql, scope, size, command =>
            {
                AddParameter(command, DbType.String, bandId);
                AddParameter(command, DbType.Int32, size + 1);
                if (key is not null)
                {
                    AddParameter(command, _dialect.DateDbType, _dialect.ToDbDate(afterDate));
                    AddParameter(command, DbType.String, key[1]);
                }
            },
            reader =>
            {
                var gig = new GigRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    _dialect.ReadDate(reader, 3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6),
                    _dialect.ReadTimestamp(reader, 7));
                return (gig, [gig.Date.ToString(DateFormat, CultureInfo.InvariantCulture), gig.GigId]);
            },
            cancellationToken);
    }

    /// <summary>Closes the store's pooled connections.</summary>
    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    /// <summary>Closes the store's pooled connections.</summary>
    public void Dispose() => _dialect.DisposeAsync().AsTask().GetAwaiter().GetResult();

    // ---- writing ----

    private Task UpsertMembersAsync(DbConnection connection, DbTransaction transaction, List<MemberRow> members,
        long offset, CancellationToken cancellationToken) =>
        ExecuteForEachAsync(connection, transaction,
            """
            INSERT INTO rm_members (member_id, display_name, email, create_time, source_offset)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (member_id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email,
                source_offset = excluded.source_offset
            WHERE rm_members.source_offset <= excluded.source_offset
            """,
            [DbType.String, DbType.String, DbType.String, _dialect.TimestampDbType, DbType.Int64],
            members, m => [m.MemberId, m.DisplayName, m.Email, _dialect.ToDbTimestamp(m.CreateTime), offset],
            cancellationToken);

    private Task UpsertBandsAsync(DbConnection connection, DbTransaction transaction, List<BandRow> bands,
        long offset, CancellationToken cancellationToken) =>
        ExecuteForEachAsync(connection, transaction,
            """
            INSERT INTO rm_bands (band_id, name, create_time, source_offset) VALUES ($1, $2, $3, $4)
            ON CONFLICT (band_id) DO UPDATE SET name = excluded.name, create_time = excluded.create_time,
                source_offset = excluded.source_offset
            WHERE rm_bands.source_offset <= excluded.source_offset
            """,
            [DbType.String, DbType.String, _dialect.TimestampDbType, DbType.Int64],
            bands, b => [b.BandId, b.Name, _dialect.ToDbTimestamp(b.CreateTime), offset],
            cancellationToken);

    private Task UpsertGigsAsync(DbConnection connection, DbTransaction transaction, List<GigRow> gigs,
        long offset, CancellationToken cancellationToken) =>
        ExecuteForEachAsync(connection, transaction,
            """
            INSERT INTO rm_gigs (gig_id, band_id, venue, gig_date, status, currency, agreed_fee_minor, update_time,
                source_offset)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (gig_id) DO UPDATE SET band_id = excluded.band_id, venue = excluded.venue,
                gig_date = excluded.gig_date, status = excluded.status, currency = excluded.currency,
                agreed_fee_minor = excluded.agreed_fee_minor, update_time = excluded.update_time,
                source_offset = excluded.source_offset
            WHERE rm_gigs.source_offset <= excluded.source_offset
            """,
            [
                DbType.String, DbType.String, DbType.String, _dialect.DateDbType, DbType.String, DbType.String,
                DbType.Int64, _dialect.TimestampDbType, DbType.Int64,
            ],
            gigs, g =>
            [
                g.GigId, g.BandId, g.Venue, _dialect.ToDbDate(g.Date), g.Status, g.Currency, g.AgreedFeeMinor,
                _dialect.ToDbTimestamp(g.UpdateTime), offset,
            ],
            cancellationToken);

    // A status change touches only status and update time; like every upsert, an older batch never overwrites a newer.
    private Task UpdateGigStatusesAsync(DbConnection connection, DbTransaction transaction, List<UpdateGigStatus> changes,
        long offset, CancellationToken cancellationToken) =>
        ExecuteForEachAsync(connection, transaction,
            """
            UPDATE rm_gigs SET status = $2, update_time = $3, source_offset = $4
            WHERE gig_id = $1 AND source_offset <= $4
            """,
            [DbType.String, DbType.String, _dialect.TimestampDbType, DbType.Int64],
            changes, c => [c.GigId, c.Status, _dialect.ToDbTimestamp(c.UpdateTime), offset],
            cancellationToken);

    /// <summary>Inserts the transaction rows whose ids are new; returns those ids.</summary>
    private async Task<HashSet<string>> InsertTransactionsAsync(DbConnection connection, DbTransaction transaction,
        List<LedgerTransactionRow> transactions, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await InsertChunkedAsync(connection, transaction, transactions,
            "rm_ledger_transactions (transaction_id, record_time, reference, description)",
            [DbType.String, _dialect.TimestampDbType, DbType.String, DbType.String],
            "ON CONFLICT (transaction_id) DO NOTHING RETURNING transaction_id",
            (t, values) =>
            {
                values[0] = t.TransactionId;
                values[1] = _dialect.ToDbTimestamp(t.RecordTime);
                values[2] = t.Reference;
                values[3] = t.Description;
            },
            reader => inserted.Add(reader.GetString(0)),
            cancellationToken);
        return inserted;
    }

    private Task InsertPostingsAsync(DbConnection connection, DbTransaction transaction,
        List<LedgerTransactionRow> transactions, CancellationToken cancellationToken) =>
        InsertChunkedAsync(connection, transaction,
            transactions.SelectMany(t => t.Postings.Select(p => (t.TransactionId, Posting: p))).ToList(),
            $"rm_ledger_postings (transaction_id, {PostingColumns("")})",
            [
                DbType.String, DbType.Int32, DbType.String, DbType.String, DbType.Int64, DbType.String, DbType.String,
                DbType.String, DbType.Int32, DbType.String, DbType.String, DbType.String, DbType.String,
            ],
            "",
            (row, values) =>
            {
                var p = row.Posting;
                values[0] = row.TransactionId;
                values[1] = p.PostingIndex;
                values[2] = p.Account;
                values[3] = p.Currency;
                values[4] = p.AmountMinor;
                values[5] = p.Rule;
                values[6] = p.Description;
                values[7] = p.PolicyName;
                values[8] = p.PolicyVersion;
                values[9] = p.Role;
                values[10] = DecimalToText(p.Weight);
                values[11] = DecimalToText(p.Percentage);
                values[12] = p.AllocationKey;
            },
            null,
            cancellationToken);

    private async Task SaveOffsetAsync(DbConnection connection, DbTransaction transaction, string projection,
        long offset, CancellationToken cancellationToken)
    {
        await using var command = NewCommand(connection, transaction,
            """
            INSERT INTO rm_projection_offsets (projection, "offset") VALUES ($1, $2)
            ON CONFLICT (projection) DO UPDATE SET "offset" = excluded."offset"
            WHERE rm_projection_offsets."offset" < excluded."offset"
            """);
        AddParameter(command, DbType.String, projection);
        AddParameter(command, DbType.Int64, offset);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> with multi-row INSERTs of <see cref="SqlDialect.RowsPerInsert"/> rows; the
    /// statement for full chunks is built and prepared once and re-bound for each chunk. Rows returned by
    /// <paramref name="tail"/> (RETURNING) go to <paramref name="onReturned"/>.
    /// </summary>
    private async Task InsertChunkedAsync<T>(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows,
        string into, DbType[] columnTypes, string tail, Action<T, object?[]> fill, Action<DbDataReader>? onReturned,
        CancellationToken cancellationToken)
    {
        var rowsPerInsert = _dialect.RowsPerInsert;
        var values = new object?[columnTypes.Length];
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerInsert)
            {
                var count = Math.Min(rowsPerInsert, rows.Count - start);
                DbCommand command;
                if (count == rowsPerInsert)
                {
                    if (full is null)
                    {
                        full = NewInsertCommand(connection, transaction, into, columnTypes, count, tail);
                        if (rows.Count >= 2 * rowsPerInsert) await full.PrepareAsync(cancellationToken);
                    }
                    command = full;
                }
                else
                {
                    command = NewInsertCommand(connection, transaction, into, columnTypes, count, tail);
                }
                try
                {
                    for (var row = 0; row < count; row++)
                    {
                        fill(rows[start + row], values);
                        for (var column = 0; column < values.Length; column++)
                        {
                            command.Parameters[row * values.Length + column].Value = values[column] ?? DBNull.Value;
                        }
                    }
                    if (onReturned is null)
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    else
                    {
                        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                        while (await reader.ReadAsync(cancellationToken)) onReturned(reader);
                    }
                }
                finally
                {
                    if (command != full) await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private DbCommand NewInsertCommand(DbConnection connection, DbTransaction transaction, string into,
        DbType[] columnTypes, int rows, string tail)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(into).Append(" VALUES ");
        var ordinal = 1;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columnTypes.Length; column++)
            {
                if (column > 0) sql.Append(", ");
                sql.Append('$').Append(ordinal++);
            }
            sql.Append(')');
        }
        var command = NewCommand(connection, transaction, sql.Append(' ').Append(tail).ToString());
        for (var row = 0; row < rows; row++)
        {
            foreach (var type in columnTypes) AddParameter(command, type, null);
        }
        return command;
    }

    /// <summary>
    /// Runs the statement once per row, in order (upserts: the last write of a key must win). Where the driver batches
    /// (PostgreSQL), all rows go to the database in one round trip instead of one each; otherwise (SQLite, in process)
    /// one prepared statement runs per row.
    /// </summary>
    private async Task ExecuteForEachAsync<T>(DbConnection connection, DbTransaction transaction, string sql,
        DbType[] types, List<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows) batch.BatchCommands.Add(NewBatchCommand(batch, sql, types, values(row)));
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        await using var command = NewCommand(connection, transaction, sql);
        var parameters = types.Select(type => AddParameter(command, type, null)).ToArray();
        if (rows.Count > 1) await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = rowValues[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // ---- reading ----

    private const string DateFormat = "yyyy-MM-dd";

    private static string PostingColumns(string alias) =>
        string.Join(", ",
            new[]
            {
                "posting_index", "account", "currency", "amount_minor", "rule", "description", "policy_name",
                "policy_version", "role", "weight", "percentage", "allocation_key",
            }.Select(column => alias + column));

    private static LedgerPostingRow ReadPosting(DbDataReader reader, int first) => new(
        PostingIndex: reader.GetInt32(first),
        Account: reader.GetString(first + 1),
        Currency: reader.GetString(first + 2),
        AmountMinor: reader.GetInt64(first + 3),
        Rule: reader.GetString(first + 4),
        Description: reader.GetString(first + 5),
        PolicyName: reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6),
        PolicyVersion: reader.IsDBNull(first + 7) ? null : reader.GetInt32(first + 7),
        Role: reader.IsDBNull(first + 8) ? null : reader.GetString(first + 8),
        Weight: reader.IsDBNull(first + 9) ? null : TextToDecimal(reader.GetString(first + 9)),
        Percentage: reader.IsDBNull(first + 10) ? null : TextToDecimal(reader.GetString(first + 10)),
        AllocationKey: reader.IsDBNull(first + 11) ? null : reader.GetString(first + 11));

    /// <summary>Reads one page: asks for one row more than the page holds to know whether another page follows.</summary>
    private async Task<Page<T>> ReadPageAsync<T>(string sql, IReadOnlyList<string?> scope, int pageSize,
        Action<DbCommand> bind, Func<DbDataReader, (T Item, string[] Key)> read, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = NewCommand(connection, null, sql);
        bind(command);
        var items = new List<T>(Math.Min(pageSize + 1, 64));
        string[]? lastKey = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (items.Count == pageSize) return new Page<T>(items, PageToken.Encode(scope, lastKey!));
                (var item, lastKey) = read(reader);
                items.Add(item);
            }
        }
        return new Page<T>(items, null);
    }

    private static async Task<IReadOnlyList<CurrencyAmount>> ReadAmountsAsync(DbCommand command,
        CancellationToken cancellationToken)
    {
        var amounts = new List<CurrencyAmount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            amounts.Add(new CurrencyAmount(reader.GetString(0), reader.GetInt64(1)));
        }
        return amounts;
    }

    // ---- plumbing ----

    private static DbCommand NewCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private DbBatchCommand NewBatchCommand(DbBatch batch, string sql, DbType[] types, object?[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var i = 0; i < types.Length; i++) AddParameter(command.Parameters, command.CreateParameter(), types[i], values[i]);
        return command;
    }

    /// <summary>Adds the parameter the SQL names <c>$n</c>, n being the count of parameters added before plus one.</summary>
    private DbParameter AddParameter(DbCommand command, DbType type, object? value) =>
        AddParameter(command.Parameters, command.CreateParameter(), type, value);

    private DbParameter AddParameter(DbParameterCollection parameters, DbParameter parameter, DbType type, object? value)
    {
        _dialect.NameParameter(parameter, parameters.Count + 1);
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Exact decimal text, keeping the scale ("1.50" stays "1.50").</summary>
    private static string? DecimalToText(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal TextToDecimal(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture);
}
