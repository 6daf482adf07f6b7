using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>Bad gig settlement requests: each refused before any money moves, with its own code and field.</summary>
public sealed class GigSettlementValidatorTests
{
    private static readonly Currency Jpy = Currency.Of("JPY");

    private static Money Eur(string amount) => Money.Parse(amount, Currency.Eur);

    private static readonly SplitPolicy Policy = SplitPolicy.Create("standard", 1, new DateOnly(2025, 1, 1), 0.03m, 0.03m,
        [new RoleWeight("leader", 1.5m), new RoleWeight("member", 1m)], [new FixedFee("substitute", Eur("150.00"))]);

    private static GigSettlementRequest Valid() => new("gig-1", "tx-1", Eur("1000.00"),
        [new LineupEntry("m-lead", "leader"), new LineupEntry("m-bo", "member"), new LineupEntry("h-sub", "substitute", true)],
        [new GigExpense("e-1", "m-bo", Eur("20.00"), "fuel", "R-1")], Policy);

    private static void AssertRefused(GigSettlementRequest request, DomainErrorCode code, string field)
    {
        DomainAssert.Exactly(GigSettlementValidator.Validate(request), (code, field));
        DomainAssert.Fails(code, field, () => GigWaterfall.Settle(request));
    }

    // Proves the valid baseline has no errors (so each test below isolates one problem).
    [Fact]
    public void Valid_request_has_no_errors()
    {
        Assert.Empty(GigSettlementValidator.Validate(Valid()));
    }

    // Proves a negative fee is NegativeAmount on "fee".
    [Fact]
    public void Negative_fee_is_refused()
    {
        AssertRefused(Valid() with { Fee = Eur("-0.01") }, DomainErrorCode.NegativeAmount, "fee");
    }

    // Proves an expense in another currency than the fee is CurrencyMismatch on that expense's amount.
    [Fact]
    public void Expense_in_another_currency_is_refused()
    {
        var request = Valid() with
        {
            Expenses = [new GigExpense("e-1", "m-bo", Eur("20.00"), "fuel", "R-1"), new GigExpense("e-2", "m-bo", new Money(500, Jpy), "taxi", "R-2")],
        };

        AssertRefused(request, DomainErrorCode.CurrencyMismatch, "expenses[1].amount");
    }

    // Proves a negative expense is NegativeAmount on that expense's amount.
    [Fact]
    public void Negative_expense_is_refused()
    {
        AssertRefused(Valid() with { Expenses = [new GigExpense("e-1", "m-bo", Eur("-20.00"), "fuel", "R-1")] },
            DomainErrorCode.NegativeAmount, "expenses[0].amount");
    }

    // Proves an expense needs a payer, and expense ids are unique.
    [Fact]
    public void Expense_payer_and_id_are_checked()
    {
        AssertRefused(Valid() with { Expenses = [new GigExpense("e-1", " ", Eur("1.00"), "fuel", "R-1")] },
            DomainErrorCode.Required, "expenses[0].paid_by");
        AssertRefused(Valid() with
        {
            Expenses = [new GigExpense("e-1", "m-bo", Eur("1.00"), "fuel", "R-1"), new GigExpense("e-1", "m-bo", Eur("1.00"), "fuel", "R-1")],
        }, DomainErrorCode.Duplicate, "expenses[1].expense_id");
    }

    // Proves a fixed fee in another currency than the gig is CurrencyMismatch on the performer's role.
    [Fact]
    public void Fixed_fee_in_another_currency_is_refused()
    {
        var request = Valid() with { Fee = new Money(100_000, Jpy), Expenses = [] };

        AssertRefused(request, DomainErrorCode.CurrencyMismatch, "lineup[2].role");
    }

    // Proves a role the policy does not define is UnknownRole on that performer's role.
    [Fact]
    public void Unknown_role_is_refused()
    {
        AssertRefused(Valid() with { Lineup = [new LineupEntry("m-lead", "leader"), new LineupEntry("m-bo", "roadie")] },
            DomainErrorCode.UnknownRole, "lineup[1].role");
    }

    // Proves a line-up of fixed-fee players only is NoSharingPerformer: nobody could take what is left.
    [Fact]
    public void Line_up_without_a_weighted_role_is_refused()
    {
        AssertRefused(Valid() with { Lineup = [new LineupEntry("h-sub", "substitute", true)] },
            DomainErrorCode.NoSharingPerformer, "lineup");
    }

    // Proves an empty line-up is Required, and a performer listed twice is Duplicate.
    [Fact]
    public void Empty_or_duplicate_line_up_is_refused()
    {
        AssertRefused(Valid() with { Lineup = [] }, DomainErrorCode.Required, "lineup");
        AssertRefused(Valid() with { Lineup = [new LineupEntry("m-bo", "leader"), new LineupEntry("m-bo", "member")] },
            DomainErrorCode.Duplicate, "lineup[1].payee_id");
        AssertRefused(Valid() with { Lineup = [new LineupEntry("m-bo", "leader"), new LineupEntry("", "member")] },
            DomainErrorCode.Required, "lineup[1].payee_id");
    }

    // Proves the line-up and expense limits are enforced.
    [Fact]
    public void Limits_are_enforced()
    {
        var lineup = Enumerable.Range(0, GigSettlementValidator.LineupMax + 1).Select(i => new LineupEntry($"m{i}", "member")).ToArray();
        AssertRefused(Valid() with { Lineup = lineup }, DomainErrorCode.LimitExceeded, "lineup");

        var expenses = Enumerable.Range(0, GigSettlementValidator.ExpensesMax + 1)
            .Select(i => new GigExpense($"e{i}", "m-bo", Eur("0.01"), "fuel", $"R-{i}")).ToArray();
        AssertRefused(Valid() with { Expenses = expenses }, DomainErrorCode.LimitExceeded, "expenses");
    }

    // Proves expenses or fixed fees adding up beyond what a ledger amount can hold are AmountOutOfRange, not an overflow crash.
    [Fact]
    public void Claims_too_large_to_add_up_are_refused()
    {
        var max = new Money(long.MaxValue, Currency.Eur);
        AssertRefused(Valid() with
        {
            Expenses = [new GigExpense("e-1", "m-bo", max, "fuel", "R-1"), new GigExpense("e-2", "m-lead", max, "van", "R-2")],
        }, DomainErrorCode.AmountOutOfRange, "expenses");

        var policy = SplitPolicy.Create("standard", 1, new DateOnly(2025, 1, 1), 0m, 0m, [new RoleWeight("member", 1m)],
            [new FixedFee("substitute", max)]);
        AssertRefused(Valid() with
        {
            Policy = policy, Expenses = [],
            Lineup = [new LineupEntry("m-bo", "member"), new LineupEntry("h-1", "substitute", true), new LineupEntry("h-2", "substitute", true)],
        }, DomainErrorCode.AmountOutOfRange, "lineup");
    }

    // Proves every problem in a request is reported at once.
    [Fact]
    public void Every_problem_is_reported()
    {
        var request = Valid() with
        {
            Fee = Eur("-1.00"),
            Lineup = [new LineupEntry("m-bo", "roadie")],
            Expenses = [new GigExpense("e-1", "m-bo", new Money(1, Jpy), "fuel", "R-1")],
        };

        DomainAssert.Exactly(GigSettlementValidator.Validate(request),
            (DomainErrorCode.NegativeAmount, "fee"),
            (DomainErrorCode.UnknownRole, "lineup[0].role"),
            (DomainErrorCode.NoSharingPerformer, "lineup"),
            (DomainErrorCode.CurrencyMismatch, "expenses[0].amount"));
    }
}
