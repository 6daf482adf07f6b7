using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Gigs;

/// <summary>
/// The outcome of the gig waterfall: one balanced ledger transaction plus the total of each step.
/// Fund + Reimbursements + FixedFees + Shares = the fee, exactly.
/// </summary>
public sealed record GigSettlement(
    LedgerTransaction Transaction,
    Money Fund,
    Money Reimbursements,
    Money FixedFees,
    Money Shares);
