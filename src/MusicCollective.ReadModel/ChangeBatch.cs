using MusicCollective.Domain.Errors;

namespace MusicCollective.ReadModel;

/// <summary>
/// A batch of changes checked and sorted by table before any SQL runs: a bad change is refused before the
/// database is touched. Upserts keep their order (the last write of a row wins); ledger transactions keep their
/// order too, and a transaction id repeated within the batch is taken once (the first), as a repeat across
/// batches is.
/// </summary>
internal sealed class ChangeBatch
{
    private ChangeBatch()
    {
    }

    public List<MemberRow> Members { get; } = [];
    public List<BandRow> Bands { get; } = [];
    public List<GigRow> Gigs { get; } = [];
    public List<UpdateGigStatus> GigStatuses { get; } = [];
    public List<LedgerTransactionRow> Transactions { get; } = [];

    /// <summary>
    /// Sorts <paramref name="changes"/> by table. Missing values are <see cref="ArgumentException"/>s; a ledger
    /// transaction with fewer than two postings or that does not sum to zero per currency is a bug upstream, an
    /// <see cref="InvariantViolationException"/>: storing it would make every balance after it wrong.
    /// </summary>
    public static ChangeBatch Create(IReadOnlyList<ReadModelChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var batch = new ChangeBatch();
        var transactionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < changes.Count; i++)
        {
            switch (changes[i])
            {
                case UpsertMember { Member: { } member }:
                    Require(member.MemberId, $"changes[{i}].Member.MemberId");
                    batch.Members.Add(member);
                    break;
                case UpsertBand { Band: { } band }:
                    Require(band.BandId, $"changes[{i}].Band.BandId");
                    batch.Bands.Add(band);
                    break;
                case UpsertGig { Gig: { } gig }:
                    Require(gig.GigId, $"changes[{i}].Gig.GigId");
                    Require(gig.BandId, $"changes[{i}].Gig.BandId");
                    batch.Gigs.Add(gig);
                    break;
                case UpdateGigStatus status:
                    Require(status.GigId, $"changes[{i}].GigId");
                    Require(status.Status, $"changes[{i}].Status");
                    batch.GigStatuses.Add(status);
                    break;
                case AppendLedgerTransaction { Transaction: { } transaction }:
                    CheckBalanced(transaction, $"changes[{i}].Transaction");
                    if (transactionIds.Add(transaction.TransactionId)) batch.Transactions.Add(transaction);
                    break;
                case null:
                    throw new ArgumentException($"changes[{i}] is null", nameof(changes));
                default:
                    throw new ArgumentException(
                        $"changes[{i}] is a {changes[i].GetType().Name} without its row, or a change this store does not know",
                        nameof(changes));
            }
        }
        return batch;
    }

    private static void CheckBalanced(LedgerTransactionRow transaction, string field)
    {
        Require(transaction.TransactionId, field + ".TransactionId");
        if (transaction.Postings is null) throw new ArgumentException($"{field}.Postings is null", "changes");
        Invariant.Check(transaction.Postings.Count >= 2,
            $"ledger transaction {transaction.TransactionId} has {transaction.Postings.Count} posting(s); a balanced transaction needs two or more");
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var posting in transaction.Postings)
        {
            if (posting is null) throw new ArgumentException($"{field} has a null posting", "changes");
            Require(posting.Currency, field + ".Postings[].Currency");
            sums[posting.Currency] = sums.GetValueOrDefault(posting.Currency) + posting.AmountMinor; // checked build
        }
        foreach (var (currency, sum) in sums)
        {
            Invariant.Check(sum == 0,
                $"ledger transaction {transaction.TransactionId} sums to {sum} minor units of {currency}, not zero");
        }
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{field} is required", "changes");
    }
}
