namespace MusicCollective.ReadModel;

/// <summary>A member as lists show it.</summary>
public sealed record MemberRow(string MemberId, string DisplayName, string Email, DateTimeOffset CreateTime);

/// <summary>A band as lists show it.</summary>
public sealed record BandRow(string BandId, string Name, DateTimeOffset CreateTime);

/// <summary>A gig as lists show it. <see cref="Status"/> is the GigStatus name ("Booked", "Settled"…).</summary>
public sealed record GigRow(
    string GigId,
    string BandId,
    string Venue,
    DateOnly Date,
    string Status,
    string Currency,
    long AgreedFeeMinor,
    DateTimeOffset UpdateTime);

/// <summary>
/// One balanced ledger transaction as the read model stores it. <see cref="Reference"/> names what it came from
/// ("gigs/g-1"). Stored once: applying the same <see cref="TransactionId"/> again changes nothing.
/// </summary>
public sealed record LedgerTransactionRow(
    string TransactionId,
    DateTimeOffset RecordTime,
    string Reference,
    string Description,
    IReadOnlyList<LedgerPostingRow> Postings);

/// <summary>One posting of a stored transaction. Decimals (weight, percentage) are exact, stored as text.</summary>
public sealed record LedgerPostingRow(
    int PostingIndex,
    string Account,
    string Currency,
    long AmountMinor,
    string Rule,
    string Description,
    string? PolicyName,
    int? PolicyVersion,
    string? Role,
    decimal? Weight,
    decimal? Percentage,
    string? AllocationKey);

/// <summary>A posting with its transaction's details, as a member's entry list shows it.</summary>
public sealed record LedgerEntryRow(string TransactionId, DateTimeOffset RecordTime, string Reference, LedgerPostingRow Posting);

/// <summary>An amount per currency (a balance, a ledger total).</summary>
public sealed record CurrencyAmount(string Currency, long AmountMinor);

/// <summary>The whole ledger's check: totals per currency (all zero when balanced) and counts.</summary>
public sealed record LedgerCheck(IReadOnlyList<CurrencyAmount> Totals, long TransactionCount, long PostingCount)
{
    /// <summary>True when every currency sums to zero.</summary>
    public bool Balanced => Totals.All(t => t.AmountMinor == 0);
}

/// <summary>One page of a list and the token for the next (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);
