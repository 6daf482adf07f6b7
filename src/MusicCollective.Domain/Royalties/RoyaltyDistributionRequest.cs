using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;
using MusicCollective.Domain.Recordings;

namespace MusicCollective.Domain.Royalties;

/// <summary>
/// One recording's part of one royalty statement: the exact sum of its lines, the residue carried from earlier
/// statements, and the rules that divide it. <see cref="AllocationKey"/> is statement id + ISRC by convention.
/// </summary>
public sealed record RoyaltyDistributionRequest(
    string RecordingId,
    string LabelId,
    string AllocationKey,
    string TransactionId,
    PreciseAmount LinesTotal,
    PreciseAmount CarriedResidue,
    SplitPolicy Policy,
    SplitSheet SplitSheet,
    RecoupableBalance? Recoupable);
