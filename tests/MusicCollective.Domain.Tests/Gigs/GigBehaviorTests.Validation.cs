using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Tests.Entities;
using static MusicCollective.Domain.Tests.Gigs.GigSamples;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>Bad input to the gig entity: InvalidArgument naming each offending field, nothing decided.</summary>
public sealed partial class GigBehaviorTests
{
    // Proves each bad part of a registration is refused as InvalidArgument naming exactly that field.
    [Theory]
    [InlineData("negative-fee", DomainErrorCode.NegativeAmount, "agreed_fee")]
    [InlineData("unknown-currency", DomainErrorCode.UnknownCurrency, "agreed_fee.currency_code")]
    [InlineData("malformed-gig-id", DomainErrorCode.MalformedId, "gig_id")]
    [InlineData("malformed-band-id", DomainErrorCode.MalformedId, "band_id")]
    [InlineData("blank-venue", DomainErrorCode.Required, "venue")]
    [InlineData("long-venue", DomainErrorCode.LimitExceeded, "venue")]
    [InlineData("date-too-early", DomainErrorCode.OutOfRange, "date")]
    [InlineData("date-too-late", DomainErrorCode.OutOfRange, "date")]
    [InlineData("duplicate-payee", DomainErrorCode.Duplicate, "lineup[2].payee_id")]
    [InlineData("malformed-payee", DomainErrorCode.MalformedId, "lineup[0].payee_id")]
    [InlineData("blank-role", DomainErrorCode.Required, "lineup[1].role")]
    [InlineData("too-many-performers", DomainErrorCode.LimitExceeded, "lineup")]
    public void Bad_registration_is_invalid_argument(string @case, DomainErrorCode code, string field)
    {
        var register = @case switch
        {
            "negative-fee" => Register(fee: Eur(-1)),
            "unknown-currency" => Register(fee: new MoneyData("XYZ", 100)),
            "malformed-gig-id" => Register(gigId: "G_1"),
            "malformed-band-id" => Register(bandId: "b/1"),
            "blank-venue" => Register(venue: "  "),
            "long-venue" => Register(venue: new string('v', GigState.TextLengthMax + 1)),
            "date-too-early" => Register(date: GigRules.DateMin.AddDays(-1)),
            "date-too-late" => Register(date: GigRules.DateMax.AddDays(1)),
            "duplicate-payee" => Register(lineup: [.. Lineup.Take(2), new("alice", "member", false)]),
            "malformed-payee" => Register(lineup: [new("Alice", "leader", false)]),
            "blank-role" => Register(lineup: [new("alice", "leader", false), new("bob", "", false)]),
            "too-many-performers" => Register(lineup: Performers(GigSettlementValidator.LineupMax + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "unknown case"),
        };
        EntityAssert.Rejected(GigState.Initial(register.GigId).Process(register, Now), RejectionKind.InvalidArgument, code, field);
    }

    // Proves the limits are inclusive: exactly LineupMax performers, DateMin and DateMax are accepted.
    [Fact]
    public void Boundaries_are_accepted()
    {
        EntityAssert.Accepted<GigRegistered>(GigState.Initial(GigId).Process(Register(lineup: Performers(GigSettlementValidator.LineupMax)), Now));
        EntityAssert.Accepted<GigRegistered>(GigState.Initial(GigId).Process(Register(date: GigRules.DateMin), Now));
        EntityAssert.Accepted<GigRegistered>(GigState.Initial(GigId).Process(Register(date: GigRules.DateMax), Now));
    }

    // Proves every offending field is named at once, in the order the request lists them.
    [Fact]
    public void All_errors_are_reported_together() =>
        EntityAssert.Rejected(GigState.Initial(GigId).Process(Register(venue: "", date: new DateOnly(1990, 1, 1), fee: Eur(-5)), Now),
            RejectionKind.InvalidArgument,
            (DomainErrorCode.Required, "venue"), (DomainErrorCode.OutOfRange, "date"), (DomainErrorCode.NegativeAmount, "agreed_fee"));

    // Proves a negative received fee is InvalidArgument on fee, even before the status is checked.
    [Fact]
    public void Negative_fee_is_invalid_argument() =>
        EntityAssert.Rejected(PerformedWithVan().Process(Fee(fee: Eur(-100)), Now), RejectionKind.InvalidArgument, DomainErrorCode.NegativeAmount, "fee");

    // Proves a fee in another currency than the gig's is InvalidArgument on fee.currency_code.
    [Fact]
    public void Fee_in_other_currency_is_invalid_argument() =>
        EntityAssert.Rejected(PerformedWithVan().Process(Fee(fee: new MoneyData("USD", 100_000)), Now),
            RejectionKind.InvalidArgument, DomainErrorCode.CurrencyMismatch, "fee.currency_code");

    // Proves each bad part of an expense is refused naming it, and an expense id is used once.
    [Theory]
    [InlineData("negative", DomainErrorCode.NegativeAmount, "expense.amount")]
    [InlineData("other-currency", DomainErrorCode.CurrencyMismatch, "expense.amount.currency_code")]
    [InlineData("malformed-id", DomainErrorCode.MalformedId, "expense.expense_id")]
    [InlineData("malformed-paid-by", DomainErrorCode.MalformedId, "expense.paid_by")]
    [InlineData("blank-description", DomainErrorCode.Required, "expense.description")]
    [InlineData("blank-receipt", DomainErrorCode.Required, "expense.receipt_reference")]
    public void Bad_expense_is_invalid_argument(string @case, DomainErrorCode code, string field)
    {
        var expense = @case switch
        {
            "negative" => Van with { ExpenseId = "x-2", Amount = Eur(-1) },
            "other-currency" => Van with { ExpenseId = "x-2", Amount = new MoneyData("GBP", 100) },
            "malformed-id" => Van with { ExpenseId = "x 2" },
            "malformed-paid-by" => Van with { ExpenseId = "x-2", PaidBy = "Alice" },
            "blank-description" => Van with { ExpenseId = "x-2", Description = "" },
            "blank-receipt" => Van with { ExpenseId = "x-2", ReceiptReference = " " },
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "unknown case"),
        };
        EntityAssert.Rejected(PerformedWithVan().Process(Expense("r-x2", expense), Now), RejectionKind.InvalidArgument, code, field);
    }

    // Proves an expense id already on the gig is AlreadyExists on expense.expense_id.
    [Fact]
    public void Duplicate_expense_is_already_exists() =>
        EntityAssert.Rejected(PerformedWithVan().Process(Expense("r-x2", Van with { Amount = Eur(1) }), Now),
            RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "expense.expense_id");

    // Proves a line-up replacement is validated like a registration's.
    [Fact]
    public void Bad_lineup_replacement_is_invalid_argument() =>
        EntityAssert.Rejected(Booked().Process(SetLineup("r-lineup", [new("bob", "leader", false), new("bob", "member", false)]), Now),
            RejectionKind.InvalidArgument, DomainErrorCode.Duplicate, "lineup[1].payee_id");

    // Proves a cancellation's blank reason, negative kill fee and foreign kill fee are each named.
    [Theory]
    [InlineData("blank-reason", DomainErrorCode.Required, "reason")]
    [InlineData("negative-kill-fee", DomainErrorCode.NegativeAmount, "kill_fee")]
    [InlineData("foreign-kill-fee", DomainErrorCode.CurrencyMismatch, "kill_fee.currency_code")]
    public void Bad_cancellation_is_invalid_argument(string @case, DomainErrorCode code, string field)
    {
        var cancel = @case switch
        {
            "blank-reason" => Cancel(reason: " "),
            "negative-kill-fee" => Cancel(killFee: Eur(-1), policy: Policy),
            "foreign-kill-fee" => Cancel(killFee: new MoneyData("JPY", 10_000), policy: Policy),
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "unknown case"),
        };
        EntityAssert.Rejected(Booked().Process(cancel, Now), RejectionKind.InvalidArgument, code, field);
    }

    private static IReadOnlyList<LineupEntryData> Performers(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new LineupEntryData($"p-{i}", "member", false))];
}
