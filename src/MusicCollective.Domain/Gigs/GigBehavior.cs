using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Gigs;

/// <summary>
/// The gig entity's pure behaviour. Lifecycle: booked → performed → settled (recording the fee settles it), or
/// booked/performed → cancelled (a kill fee is settled like a fee). A settled or cancelled gig never changes.
/// </summary>
public static class GigBehavior
{
    /// <summary>Gigs a band may keep in its expense list.</summary>
    public const int ExpensesMax = GigSettlementValidator.ExpensesMax;

    /// <summary>Decides what a command does to the gig.</summary>
    public static Decision<GigEvent> Process(this GigState state, GigCommand command, DateTimeOffset now)
    {
        var stamp = command is IStamped stamped
            ? stamped.Stamp
            : throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a mutating gig command");
        if (RequestGate.Check<GigEvent>(state.Requests, stamp) is { } gate) return gate;
        if (command is RegisterGig register) return Register(state, register, now);
        if (!state.Exists) return Decision<GigEvent>.Reject(Rejection.NotFound("gig_id", $"gig '{command.GigId}'"));
        if (state.IsClosed)
        {
            return Decision<GigEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.OutOfRange, "gig_id",
                $"gig '{state.GigId}' is {state.Status.ToString().ToLowerInvariant()} and can no longer change");
        }
        return command switch
        {
            SetLineup set => WithErrors(e => GigRules.CheckLineup(set.Lineup, e),
                () => new GigLineupSet(state.GigId, stamp.RequestId, stamp.PayloadHash, now, set.Lineup)),
            AddExpense add => AddExpense(state, add, now),
            MarkPerformed => state.Status == GigStatus.Booked
                ? Decision<GigEvent>.Accept(new GigPerformed(state.GigId, stamp.RequestId, stamp.PayloadHash, now))
                : Decision<GigEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.OutOfRange, "gig_id",
                    "only a booked gig can be marked performed"),
            RecordFeeReceived fee => RecordFee(state, fee, now),
            CancelGig cancel => Cancel(state, cancel, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a mutating gig command"),
        };
    }

    /// <summary>Applies an event; total over all gig events, never reads a clock.</summary>
    public static GigState Apply(this GigState state, GigEvent @event)
    {
        var next = @event switch
        {
            GigRegistered r => state with
            {
                Exists = true, BandId = r.BandId, Venue = r.Venue, Date = r.Date, AgreedFee = r.AgreedFee,
                Lineup = [.. r.Lineup], Status = GigStatus.Booked, RegisteredBy = r.RegisteredBy, CreateTime = r.Time,
            },
            GigLineupSet l => state with { Lineup = [.. l.Lineup] },
            GigExpenseAdded x => state with { Expenses = state.Expenses.Add(x.Expense) },
            GigPerformed => state with { Status = GigStatus.Performed },
            GigSettled s => state with { Status = GigStatus.Settled, Settlement = s.Settlement },
            GigCancelled c => state with { Status = GigStatus.Cancelled, CancellationReason = c.Reason, Settlement = c.Settlement },
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "unknown gig event"),
        };
        return next with
        {
            UpdateTime = @event.Time,
            Requests = next.Requests.Record(new RequestStamp(@event.RequestId, @event.PayloadHash)),
        };
    }

    /// <summary>The ledger transaction id of a gig's settlement: one per gig, so it can never be posted twice.</summary>
    public static string SettlementTransactionId(string gigId) => $"gig/{gigId}/settlement";

    private static Decision<GigEvent> Register(GigState state, RegisterGig register, DateTimeOffset now)
    {
        if (state.Exists)
        {
            return Decision<GigEvent>.Reject(RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "gig_id",
                $"gig '{register.GigId}' already exists");
        }
        var errors = new List<DomainError>();
        EntityIds.Check(register.GigId, "gig_id", errors);
        EntityIds.Check(register.BandId, "band_id", errors);
        TextRules.Check(register.Venue, "venue", GigState.TextLengthMax, errors);
        GigRules.CheckDate(register.Date, "date", errors);
        if (Currency.TryOf(register.AgreedFee.Currency, out var currency))
        {
            GigRules.CheckFee(register.AgreedFee, currency, "agreed_fee", errors);
        }
        else
        {
            errors.Add(new(DomainErrorCode.UnknownCurrency, "agreed_fee.currency_code", $"'{register.AgreedFee.Currency}' is not an ISO 4217 code"));
        }
        GigRules.CheckLineup(register.Lineup, errors);
        return errors.Count > 0
            ? Decision<GigEvent>.Reject(new Rejection(RejectionKind.InvalidArgument, errors))
            : Decision<GigEvent>.Accept(new GigRegistered(register.GigId, register.Stamp.RequestId, register.Stamp.PayloadHash,
                now, register.BandId, register.Venue, register.Date, register.AgreedFee, register.Lineup, register.RegisteredBy));
    }

    private static Decision<GigEvent> AddExpense(GigState state, AddExpense add, DateTimeOffset now)
    {
        if (state.Expenses.Count >= ExpensesMax)
        {
            return Decision<GigEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.LimitExceeded, "expense",
                $"a gig keeps at most {ExpensesMax} expenses");
        }
        if (state.Expenses.Any(e => e.ExpenseId == add.Expense.ExpenseId))
        {
            return Decision<GigEvent>.Reject(RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "expense.expense_id",
                $"expense '{add.Expense.ExpenseId}' already exists");
        }
        return WithErrors(e => GigRules.CheckExpense(add.Expense, GigCurrency(state), e),
            () => new GigExpenseAdded(state.GigId, add.Stamp.RequestId, add.Stamp.PayloadHash, now, add.Expense));
    }

    private static Decision<GigEvent> RecordFee(GigState state, RecordFeeReceived record, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        GigRules.CheckFee(record.Fee, GigCurrency(state), "fee", errors);
        if (errors.Count > 0) return Decision<GigEvent>.Reject(new Rejection(RejectionKind.InvalidArgument, errors));
        if (state.Status != GigStatus.Performed)
        {
            return Decision<GigEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.OutOfRange, "gig_id",
                "the fee can be recorded once the gig is marked performed");
        }
        return Settle(state, record.Fee, record.Policy, now) switch
        {
            ({ } settlement, _) => Decision<GigEvent>.Accept(new GigSettled(state.GigId, record.Stamp.RequestId,
                record.Stamp.PayloadHash, now, settlement)),
            (_, var rejection) => Decision<GigEvent>.Reject(rejection!),
        };
    }

    private static Decision<GigEvent> Cancel(GigState state, CancelGig cancel, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        TextRules.Check(cancel.Reason, "reason", GigState.TextLengthMax, errors);
        if (cancel.KillFee is { } killFee) GigRules.CheckFee(killFee, GigCurrency(state), "kill_fee", errors);
        if (errors.Count > 0) return Decision<GigEvent>.Reject(new Rejection(RejectionKind.InvalidArgument, errors));
        SettlementData? settlement = null;
        if (cancel.KillFee is { MinorUnits: > 0 } fee)
        {
            if (cancel.Policy is null)
            {
                return Decision<GigEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.NoPolicyInForce, "kill_fee",
                    "a kill fee needs a split policy in force on the gig's date");
            }
            var (settled, rejection) = Settle(state, fee, cancel.Policy, now);
            if (rejection is not null) return Decision<GigEvent>.Reject(rejection);
            settlement = settled;
        }
        return Decision<GigEvent>.Accept(new GigCancelled(state.GigId, cancel.Stamp.RequestId, cancel.Stamp.PayloadHash, now,
            cancel.Reason, settlement));
    }

    // Runs the waterfall. A request the band's rules cannot settle (a role the policy lacks, nobody to share) is a
    // failed precondition: the caller must fix the line-up or the policy first.
    private static (SettlementData? Settlement, Rejection? Rejection) Settle(GigState state, MoneyData fee,
        SplitPolicyData policyData, DateTimeOffset now)
    {
        try
        {
            var policy = policyData.ToPolicy();
            var request = new GigSettlementRequest(state.GigId, SettlementTransactionId(state.GigId), fee.ToMoney(),
                state.Lineup.Select(l => new LineupEntry(l.PayeeId, l.Role, l.Hired)).ToArray(),
                state.Expenses.Select(e => new GigExpense(e.ExpenseId, e.PaidBy, e.Amount.ToMoney(), e.Description, e.ReceiptReference)).ToArray(),
                policy);
            var result = GigWaterfall.Settle(request);
            return (ToData(result, policy, now), null);
        }
        catch (DomainException exception)
        {
            return (null, new Rejection(RejectionKind.FailedPrecondition, exception.Errors));
        }
    }

    private static SettlementData ToData(GigSettlement settlement, SplitPolicy policy, DateTimeOffset now) => new(
        settlement.Transaction.Id, policy.Name, policy.Version,
        MoneyData.From(settlement.Fund + settlement.Reimbursements + settlement.FixedFees + settlement.Shares),
        MoneyData.From(settlement.Fund), MoneyData.From(settlement.Reimbursements), MoneyData.From(settlement.FixedFees),
        MoneyData.From(settlement.Shares), settlement.Transaction.Postings.Select(PostingData.From).ToArray(), now);

    private static Currency GigCurrency(GigState state) => Currency.Of(state.AgreedFee.Currency);

    private static Decision<GigEvent> WithErrors(Action<List<DomainError>> check, Func<GigEvent> accept)
    {
        var errors = new List<DomainError>();
        check(errors);
        return errors.Count > 0
            ? Decision<GigEvent>.Reject(new Rejection(RejectionKind.InvalidArgument, errors))
            : Decision<GigEvent>.Accept(accept());
    }
}
