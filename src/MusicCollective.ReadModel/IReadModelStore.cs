namespace MusicCollective.ReadModel;

/// <summary>
/// The SQL read model: lists, balances and ledger entries, written only by the journal projection. A batch of
/// changes and the projection's new offset are committed in one database transaction, so after a crash the
/// projection resumes exactly where the stored offset says, and nothing reaches the ledger twice (transactions are
/// also unique by id).
/// </summary>
public interface IReadModelStore
{
    /// <summary>Most rows one page may hold.</summary>
    const int PageSizeMax = 500;

    /// <summary>Rows in a page when the caller asks for 0.</summary>
    const int PageSizeDefault = 50;

    /// <summary>Creates the tables and indexes if they do not exist. Safe to call at every start.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs a trivial query (<c>SELECT 1</c>) on a fresh or pooled connection: whether the database answers at all,
    /// for the readiness probe. Throws what the driver throws when it does not.
    /// </summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>The last journal offset the named projection applied, or 0.</summary>
    Task<long> GetOffsetAsync(string projection, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="changes"/> and stores <paramref name="offset"/> for the projection, atomically.</summary>
    Task ApplyAsync(string projection, long offset, IReadOnlyList<ReadModelChange> changes, CancellationToken cancellationToken);

    /// <summary>Balance per currency of an account (sum of its postings), ordered by currency.</summary>
    Task<IReadOnlyList<CurrencyAmount>> GetBalancesAsync(string account, CancellationToken cancellationToken);

    /// <summary>An account's postings, oldest first, optionally in one currency.</summary>
    Task<Page<LedgerEntryRow>> ListEntriesAsync(string account, string? currency, int pageSize, string? pageToken,
        CancellationToken cancellationToken);

    /// <summary>Sum of all postings per currency, and counts.</summary>
    Task<LedgerCheck> CheckLedgerAsync(CancellationToken cancellationToken);

    /// <summary>Members ordered by id.</summary>
    Task<Page<MemberRow>> ListMembersAsync(int pageSize, string? pageToken, CancellationToken cancellationToken);

    /// <summary>Bands ordered by id.</summary>
    Task<Page<BandRow>> ListBandsAsync(int pageSize, string? pageToken, CancellationToken cancellationToken);

    /// <summary>A band's gigs, newest date first (then by id).</summary>
    Task<Page<GigRow>> ListGigsAsync(string bandId, int pageSize, string? pageToken, CancellationToken cancellationToken);
}
