using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Gigs;

/// <summary>
/// Everything the gig waterfall needs: the fee received, who performed in which role, the accepted expenses, and the
/// policy version in force on the gig's date. <see cref="GigId"/> is the allocation key; <see cref="TransactionId"/>
/// names the resulting ledger transaction (and makes applying it idempotent).
/// </summary>
public sealed record GigSettlementRequest(
    string GigId,
    string TransactionId,
    Money Fee,
    IReadOnlyList<LineupEntry> Lineup,
    IReadOnlyList<GigExpense> Expenses,
    SplitPolicy Policy);
