using MusicCollective.Api.V1;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Ledger;
using MusicCollective.ReadModel;
using ProtoGigStatus = MusicCollective.Api.V1.GigStatus;
using DomainGigStatus = MusicCollective.Domain.Gigs.GigStatus;
using ProtoPostingRule = MusicCollective.Api.V1.PostingRule;
using LineupEntry = MusicCollective.Api.V1.LineupEntry;

namespace MusicCollective.Grpc.Mapping;

/// <summary>Gig state ⇄ wire.</summary>
public static class GigMapping
{
    /// <summary>The entity's state as the API's Gig.</summary>
    public static Gig ToProto(GigState state)
    {
        var gig = new Gig
        {
            GigId = state.GigId,
            BandId = state.BandId,
            Venue = state.Venue,
            Date = ProtoDates.ToProto(state.Date),
            AgreedFee = ProtoMoney.ToProto(state.AgreedFee),
            Status = ToProto(state.Status),
            Settlement = state.Settlement is { } settlement ? ToProto(settlement) : null,
            CancellationReason = state.CancellationReason ?? "",
            CreateTime = ProtoDates.ToProto(state.CreateTime),
            UpdateTime = ProtoDates.ToProto(state.UpdateTime),
        };
        gig.Lineup.AddRange(state.Lineup.Select(ToProto));
        gig.Expenses.AddRange(state.Expenses.Select(e => new Expense
        {
            ExpenseId = e.ExpenseId,
            PaidBy = e.PaidBy,
            Description = e.Description,
            Amount = ProtoMoney.ToProto(e.Amount),
            ReceiptReference = e.ReceiptReference,
        }));
        return gig;
    }

    /// <summary>A read-model row as the API's GigSummary.</summary>
    public static GigSummary ToProto(GigRow row) => new()
    {
        GigId = row.GigId,
        BandId = row.BandId,
        Venue = row.Venue,
        Date = ProtoDates.ToProto(row.Date),
        AgreedFee = ProtoMoney.ToProto(row.Currency, row.AgreedFeeMinor),
        Status = Enum.TryParse<DomainGigStatus>(row.Status, out var status) ? ToProto(status) : ProtoGigStatus.Unspecified,
    };

    /// <summary>Line-up entries from the wire.</summary>
    public static LineupEntryData[] ToData(IEnumerable<LineupEntry> lineup) =>
        lineup.Select(l => new LineupEntryData(l.PayeeId, l.Role, l.Hired)).ToArray();

    /// <summary>An expense from the wire; a missing expense names the field.</summary>
    public static ExpenseData ToData(Expense? expense)
    {
        if (expense is null) throw new Domain.Errors.DomainException(Domain.Errors.DomainErrorCode.Required, "expense", "expense is required");
        return new ExpenseData(expense.ExpenseId, expense.PaidBy, expense.Description,
            ProtoMoney.ToData(expense.Amount, "expense.amount"), expense.ReceiptReference);
    }

    /// <summary>A posting rule on the wire.</summary>
    public static ProtoPostingRule ToProto(Domain.Ledger.PostingRule rule) => (ProtoPostingRule)(int)rule;

    /// <summary>A stored rule name (read model) on the wire.</summary>
    public static ProtoPostingRule RuleFromName(string rule) =>
        Enum.TryParse<Domain.Ledger.PostingRule>(rule, out var parsed) ? ToProto(parsed) : ProtoPostingRule.Unspecified;

    private static LineupEntry ToProto(LineupEntryData entry) =>
        new() { PayeeId = entry.PayeeId, Role = entry.Role, Hired = entry.Hired };

    private static ProtoGigStatus ToProto(DomainGigStatus status) => status switch
    {
        DomainGigStatus.Booked => ProtoGigStatus.Booked,
        DomainGigStatus.Performed => ProtoGigStatus.Performed,
        DomainGigStatus.Settled => ProtoGigStatus.Settled,
        DomainGigStatus.Cancelled => ProtoGigStatus.Cancelled,
        _ => ProtoGigStatus.Unspecified,
    };

    private static Settlement ToProto(SettlementData settlement)
    {
        var proto = new Settlement
        {
            TransactionId = settlement.TransactionId,
            PolicyName = settlement.PolicyName,
            PolicyVersion = settlement.PolicyVersion,
            Fee = ProtoMoney.ToProto(settlement.Fee),
            Fund = ProtoMoney.ToProto(settlement.Fund),
            Reimbursements = ProtoMoney.ToProto(settlement.Reimbursements),
            FixedFees = ProtoMoney.ToProto(settlement.FixedFees),
            Shares = ProtoMoney.ToProto(settlement.Shares),
            SettleTime = ProtoDates.ToProto(settlement.SettleTime),
        };
        proto.Lines.AddRange(settlement.Postings.Select(ToProto));
        return proto;
    }

    private static SettlementLine ToProto(PostingData posting) => new()
    {
        Account = posting.Account,
        Amount = ProtoMoney.ToProto(posting.Amount),
        Rule = ToProto(posting.Rule),
        Description = posting.Description,
        Role = posting.Role ?? "",
        Weight = ProtoDecimals.Format(posting.Weight),
        Percentage = ProtoDecimals.Format(posting.Percentage),
        AllocationKey = posting.AllocationKey ?? "",
    };
}
