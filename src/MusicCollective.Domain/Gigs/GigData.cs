using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Ledger;

namespace MusicCollective.Domain.Gigs;

/// <summary>Where a gig is in its life.</summary>
public enum GigStatus
{
    /// <summary>Registered, not yet played.</summary>
    Booked = 1,
    /// <summary>Played; the fee is awaited.</summary>
    Performed = 2,
    /// <summary>Fee received and divided. Never edited again.</summary>
    Settled = 3,
    /// <summary>Called off; a kill fee, if any, was divided like a fee.</summary>
    Cancelled = 4,
}

/// <summary>A line-up entry as data.</summary>
public sealed record LineupEntryData(string PayeeId, string Role, bool Hired);

/// <summary>An expense as data.</summary>
public sealed record ExpenseData(string ExpenseId, string PaidBy, string Description, MoneyData Amount, string ReceiptReference);

/// <summary>
/// A settlement as stored: the totals of each waterfall step, the policy version used, and the balanced ledger
/// transaction's postings. The transaction id is derived from the gig, so it is the same however often it is built.
/// </summary>
public sealed record SettlementData(
    string TransactionId,
    string PolicyName,
    int PolicyVersion,
    MoneyData Fee,
    MoneyData Fund,
    MoneyData Reimbursements,
    MoneyData FixedFees,
    MoneyData Shares,
    IReadOnlyList<PostingData> Postings,
    DateTimeOffset SettleTime);
