namespace MusicCollective.ReadModel;

/// <summary>
/// The read model's tables, written once for both engines. Every name starts with <c>rm_</c> so it never clashes
/// with Akka's <c>journal</c>, <c>snapshot</c> and <c>tags</c> tables in the same database. Money is BIGINT minor
/// units; decimals (weights, percentages) are exact invariant-culture text; nothing is stored as binary floating point.
/// </summary>
/// <remarks>
/// <c>source_offset</c> on the upserted rows is the journal offset of the batch that last wrote the row: re-applying
/// an older batch (after a crash, say) cannot overwrite newer data with older. Ledger rows are never updated.
/// </remarks>
internal static class ReadModelSchema
{
    private static readonly string[] Template =
    [
        """
        CREATE TABLE IF NOT EXISTS rm_members (
            member_id {Key} NOT NULL PRIMARY KEY,
            display_name TEXT NOT NULL,
            email TEXT NOT NULL,
            create_time {Timestamp} NOT NULL,
            source_offset {Int64} NOT NULL
        ){TableOptions}
        """,
        """
        CREATE TABLE IF NOT EXISTS rm_bands (
            band_id {Key} NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            create_time {Timestamp} NOT NULL,
            source_offset {Int64} NOT NULL
        ){TableOptions}
        """,
        """
        CREATE TABLE IF NOT EXISTS rm_gigs (
            gig_id {Key} NOT NULL PRIMARY KEY,
            band_id {Key} NOT NULL,
            venue TEXT NOT NULL,
            gig_date {Date} NOT NULL,
            status TEXT NOT NULL,
            currency TEXT NOT NULL,
            agreed_fee_minor {Int64} NOT NULL,
            update_time {Timestamp} NOT NULL,
            source_offset {Int64} NOT NULL
        ){TableOptions}
        """,
        "CREATE INDEX IF NOT EXISTS ix_rm_gigs_band_date ON rm_gigs (band_id, gig_date DESC, gig_id)",
        """
        CREATE TABLE IF NOT EXISTS rm_ledger_transactions (
            transaction_id {Key} NOT NULL PRIMARY KEY,
            record_time {Timestamp} NOT NULL,
            reference TEXT NOT NULL,
            description TEXT NOT NULL
        ){TableOptions}
        """,
        """
        CREATE TABLE IF NOT EXISTS rm_ledger_postings (
            entry_seq {Identity},
            transaction_id {Key} NOT NULL,
            posting_index INTEGER NOT NULL,
            account {Key} NOT NULL,
            currency {Key} NOT NULL,
            amount_minor {Int64} NOT NULL,
            rule TEXT NOT NULL,
            description TEXT NOT NULL,
            policy_name TEXT NULL,
            policy_version INTEGER NULL,
            role TEXT NULL,
            weight TEXT NULL,
            percentage TEXT NULL,
            allocation_key TEXT NULL,
            CONSTRAINT uq_rm_ledger_postings_transaction_posting UNIQUE (transaction_id, posting_index)
        ){TableOptions}
        """,
        "CREATE INDEX IF NOT EXISTS ix_rm_ledger_postings_account ON rm_ledger_postings (account, entry_seq)",
        """
        CREATE TABLE IF NOT EXISTS rm_projection_offsets (
            projection {Key} NOT NULL PRIMARY KEY,
            "offset" {Int64} NOT NULL
        ){TableOptions}
        """,
    ];

    /// <summary>The statements that create the schema in <paramref name="dialect"/>, each idempotent.</summary>
    public static IReadOnlyList<string> Statements(SqlDialect dialect) =>
        Template.Select(sql => sql
                .Replace("{Key}", dialect.KeyType, StringComparison.Ordinal)
                .Replace("{Int64}", dialect.Int64Type, StringComparison.Ordinal)
                .Replace("{Timestamp}", dialect.TimestampType, StringComparison.Ordinal)
                .Replace("{Date}", dialect.DateType, StringComparison.Ordinal)
                .Replace("{Identity}", dialect.IdentityPrimaryKey, StringComparison.Ordinal)
                .Replace("{TableOptions}", dialect.TableOptions, StringComparison.Ordinal))
            .ToArray();
}
