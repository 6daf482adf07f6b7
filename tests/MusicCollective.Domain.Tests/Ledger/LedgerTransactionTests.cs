using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Tests.Ledger;

public sealed class LedgerTransactionTests
{
    private static readonly Currency Jpy = Currency.Of("JPY");
    private static readonly PostingExplanation Why = new(PostingRule.GigIncome, "test");

    private static Posting Post(AccountId account, long minorUnits, Currency? currency = null) =>
        new(account, new Money(minorUnits, currency ?? Currency.Eur), Why);

    // Proves a balanced transaction is built with its id and postings in the given order.
    [Fact]
    public void Balanced_postings_make_a_transaction()
    {
        var transaction = LedgerTransaction.Create("tx-1",
            [Post(AccountId.IncomeGigs, -10_000), Post(AccountId.Fund, 300), Post(AccountId.Member("m1"), 9_700)]);

        Assert.Equal("tx-1", transaction.Id);
        Assert.Equal(["income/gigs", "fund", "member/m1"], transaction.Postings.Select(p => p.Account.Value));
        Assert.Equal(0, transaction.Postings.Sum(p => p.Amount.MinorUnits));
    }

    // Proves an unbalanced transaction cannot exist: it fails an invariant (a bug, not bad input).
    [Fact]
    public void Unbalanced_postings_fail_an_invariant()
    {
        Assert.Throws<InvariantViolationException>(() =>
            LedgerTransaction.Create("tx-1", [Post(AccountId.IncomeGigs, -10_000), Post(AccountId.Fund, 9_999)]));
    }

    // Proves a transaction needs at least two postings.
    [Fact]
    public void Single_posting_fails_an_invariant()
    {
        Assert.Throws<InvariantViolationException>(() => LedgerTransaction.Create("tx-1", [Post(AccountId.Fund, 0)]));
    }

    // Proves balance is checked per currency: +100 EUR and −100 JPY do not cancel.
    [Fact]
    public void Balance_is_checked_per_currency()
    {
        Assert.Throws<InvariantViolationException>(() =>
            LedgerTransaction.Create("tx-1", [Post(AccountId.Fund, 100), Post(AccountId.IncomeGigs, -100, Jpy)]));

        var both = LedgerTransaction.Create("tx-2", [
            Post(AccountId.Fund, 100), Post(AccountId.IncomeGigs, -100),
            Post(AccountId.Fund, 5, Jpy), Post(AccountId.IncomeGigs, -5, Jpy)]);
        Assert.Equal(4, both.Postings.Count);
    }

    // Proves a reversal negates every posting, keeps every explanation, and balances.
    [Fact]
    public void Reversal_negates_every_posting()
    {
        var original = LedgerTransaction.Create("tx-1",
            [Post(AccountId.IncomeGigs, -10_000), Post(AccountId.Fund, 300), Post(AccountId.Member("m1"), 9_700)]);

        var reversal = original.Reversal("tx-1-reversal");

        Assert.Equal("tx-1-reversal", reversal.Id);
        Assert.Equal(original.Postings.Select(p => -p.Amount.MinorUnits), reversal.Postings.Select(p => p.Amount.MinorUnits));
        Assert.Equal(original.Postings.Select(p => (p.Account, p.Explanation)), reversal.Postings.Select(p => (p.Account, p.Explanation)));
    }

    // Proves a transaction needs an id.
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Blank_id_is_refused(string id)
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            LedgerTransaction.Create(id, [Post(AccountId.IncomeGigs, -1), Post(AccountId.Fund, 1)]));
    }
}
