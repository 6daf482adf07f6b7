using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Members;
using MusicCollective.ReadModel;

namespace MusicCollective.Actors.Projection;

/// <summary>What each journal event changes in the SQL read model. Pure: the same event always maps to the same changes.</summary>
public static class ReadModelChanges
{
    /// <summary>The read-model changes of one event (none for events lists do not show).</summary>
    public static IEnumerable<ReadModelChange> Of(object @event) => @event switch
    {
        MemberCreated m => [new UpsertMember(new MemberRow(m.MemberId, m.DisplayName, m.Email, m.Time))],
        MemberUpdated m => [new UpsertMember(new MemberRow(m.MemberId, m.DisplayName, m.Email, m.Time))],
        BandCreated b => [new UpsertBand(new BandRow(b.BandId, b.Name, b.Time))],
        GigRegistered g =>
        [
            new UpsertGig(new GigRow(g.GigId, g.BandId, g.Venue, g.Date, nameof(GigStatus.Booked), g.AgreedFee.Currency,
                g.AgreedFee.MinorUnits, g.Time)),
        ],
        GigPerformed g => [new UpdateGigStatus(g.GigId, nameof(GigStatus.Performed), g.Time)],
        GigSettled g =>
        [
            new UpdateGigStatus(g.GigId, nameof(GigStatus.Settled), g.Time),
            new AppendLedgerTransaction(Transaction(g.GigId, "Gig fee settled", g.Settlement)),
        ],
        GigCancelled { Settlement: { } settlement } g =>
        [
            new UpdateGigStatus(g.GigId, nameof(GigStatus.Cancelled), g.Time),
            new AppendLedgerTransaction(Transaction(g.GigId, "Gig cancelled: kill fee settled", settlement)),
        ],
        GigCancelled g => [new UpdateGigStatus(g.GigId, nameof(GigStatus.Cancelled), g.Time)],
        _ => [],
    };

    private static LedgerTransactionRow Transaction(string gigId, string description, SettlementData settlement) => new(
        settlement.TransactionId,
        settlement.SettleTime,
        $"gigs/{gigId}",
        $"{description} (policy {settlement.PolicyName} v{settlement.PolicyVersion})",
        settlement.Postings.Select((p, i) => new LedgerPostingRow(i, p.Account, p.Amount.Currency, p.Amount.MinorUnits,
            p.Rule.ToString(), p.Description, p.PolicyName, p.PolicyVersion, p.Role, p.Weight, p.Percentage,
            p.AllocationKey)).ToArray());
}
