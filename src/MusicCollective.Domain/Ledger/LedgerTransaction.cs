using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Ledger;

/// <summary>
/// A balanced set of postings recorded as one unit: at least two postings, summing to zero in every currency. The
/// check runs when the transaction is built, so an unbalanced transaction cannot exist. Never edited once built;
/// a correction is a reversing transaction (<see cref="Reversal"/>).
/// </summary>
public sealed class LedgerTransaction
{
    /// <summary>Most postings one transaction may hold.</summary>
    public const int PostingsMax = 100_000;

    private LedgerTransaction(string id, IReadOnlyList<Posting> postings)
    {
        Id = id;
        Postings = postings;
    }

    /// <summary>Stable id; also the idempotency key when the transaction is applied to balances.</summary>
    public string Id { get; }

    /// <summary>The postings, in the order the rules produced them.</summary>
    public IReadOnlyList<Posting> Postings { get; }

    /// <summary>Builds a transaction; an unbalanced one is a bug and fails an invariant.</summary>
    public static LedgerTransaction Create(string id, IEnumerable<Posting> postings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var list = postings.ToArray();
        Invariant.Check(list.Length >= 2, $"transaction {id} has at least two postings");
        Invariant.Check(list.Length <= PostingsMax, $"transaction {id} has at most {PostingsMax} postings");
        foreach (var byCurrency in list.GroupBy(p => p.Amount.Currency))
        {
            var sum = byCurrency.Aggregate(0L, (total, p) => checked(total + p.Amount.MinorUnits));
            Invariant.Check(sum == 0, $"transaction {id} sums to zero in {byCurrency.Key.Code} (it sums to {sum})");
        }
        return new LedgerTransaction(id, list);
    }

    /// <summary>The transaction that undoes this one: every posting negated, same explanations.</summary>
    public LedgerTransaction Reversal(string reversalId) =>
        Create(reversalId, Postings.Select(p => p with { Amount = -p.Amount }));
}
