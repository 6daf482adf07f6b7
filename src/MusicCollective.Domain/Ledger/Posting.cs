using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Ledger;

/// <summary>
/// One line of a ledger transaction: an amount to an account (positive credits the account, e.g. money the co-op
/// owes a member; negative debits it), and why.
/// </summary>
public sealed record Posting(AccountId Account, Money Amount, PostingExplanation Explanation);
