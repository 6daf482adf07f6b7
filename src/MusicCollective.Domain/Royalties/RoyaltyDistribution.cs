using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Recordings;

namespace MusicCollective.Domain.Royalties;

/// <summary>
/// The outcome of distributing a recording's royalties: the ledger transaction (null when less than one minor unit
/// was due), the residue to carry to the next statement, the total of each step, and the recoupable balance after.
/// Income = Fund + Recouped + Shares (whole units), and lines + carried residue = income + residue, exactly.
/// </summary>
public sealed record RoyaltyDistribution(
    LedgerTransaction? Transaction,
    Money Income,
    PreciseAmount Residue,
    Money Fund,
    Money Recouped,
    Money Shares,
    RecoupableBalance? Recoupable);
