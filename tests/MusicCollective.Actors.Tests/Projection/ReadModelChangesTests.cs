using MusicCollective.Actors.Projection;
using MusicCollective.Actors.Tests.Samples;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Members;
using MusicCollective.ReadModel;
using static MusicCollective.Actors.Tests.Samples.SampleValues;

namespace MusicCollective.Actors.Tests.Projection;

/// <summary>What each journal event changes in the SQL read model.</summary>
public sealed class ReadModelChangesTests
{
    private static readonly Type[] ProjectedEvents =
    [
        typeof(MemberCreated), typeof(MemberUpdated), typeof(BandCreated), typeof(GigRegistered), typeof(GigPerformed),
        typeof(GigSettled), typeof(GigCancelled),
    ];

    // Proves a created member becomes an upserted member row.
    [Fact]
    public void Member_created_upserts_the_member() =>
        Assert.Equal([new UpsertMember(new MemberRow("alice", "Alice Archer", "alice@example.org", Time))],
            ReadModelChanges.Of(MemberSamples.Created));

    // Proves an updated member upserts the row with the new profile.
    [Fact]
    public void Member_updated_upserts_the_member() =>
        Assert.Equal([new UpsertMember(new MemberRow("alice", "Alice A.", "alice@example.net", Time))],
            ReadModelChanges.Of(MemberSamples.Updated));

    // Proves a created band becomes an upserted band row.
    [Fact]
    public void Band_created_upserts_the_band() =>
        Assert.Equal([new UpsertBand(new BandRow("b-1", "The Tuesdays", Time))],
            ReadModelChanges.Of(new BandCreated("b-1", "req-1", "sha256:aa", Time, "The Tuesdays")));

    // Proves a registered gig becomes a booked gig row with its agreed fee.
    [Fact]
    public void Gig_registered_upserts_a_booked_gig() =>
        Assert.Equal([new UpsertGig(new GigRow("g-1", "b-1", "Paradiso", new DateOnly(2024, 6, 1), "Booked", "EUR", 100_000, Time))],
            ReadModelChanges.Of(new GigRegistered("g-1", "req-1", "sha256:aa", Time, "b-1", "Paradiso", new DateOnly(2024, 6, 1),
                Eur(100_000), GigSamples.Lineup, "gigbook")));

    // Proves a performed gig only changes its status.
    [Fact]
    public void Gig_performed_updates_the_status() =>
        Assert.Equal([new UpdateGigStatus("g-1", "Performed", Time)],
            ReadModelChanges.Of(new GigPerformed("g-1", "req-4", "sha256:dd", Time)));

    // Proves a settled gig updates its status, then appends the settlement's transaction with every posting, in order, rule by name.
    [Fact]
    public void Gig_settled_updates_status_and_appends_the_transaction()
    {
        var changes = ReadModelChanges.Of(GigSamples.Settled).ToArray();

        Assert.Equal(2, changes.Length);
        Assert.Equal(new UpdateGigStatus("g-1", "Settled", Time), changes[0]);
        var transaction = Assert.IsType<AppendLedgerTransaction>(changes[1]).Transaction;
        Assert.Equal(("gig/g-1/settlement", Time, "gigs/g-1", "Gig fee settled (policy standard v2)"),
            (transaction.TransactionId, transaction.RecordTime, transaction.Reference, transaction.Description));
        Assert.Equal(ExpectedPostings, transaction.Postings);
    }

    // Proves a cancelled gig with a kill fee updates its status and appends the kill fee's transaction.
    [Fact]
    public void Gig_cancelled_with_kill_fee_appends_the_transaction()
    {
        var changes = ReadModelChanges.Of(new GigCancelled("g-1", "req-5", "sha256:ee", Time, "Venue flooded", GigSamples.Settlement)).ToArray();

        Assert.Equal(2, changes.Length);
        Assert.Equal(new UpdateGigStatus("g-1", "Cancelled", Time), changes[0]);
        var transaction = Assert.IsType<AppendLedgerTransaction>(changes[1]).Transaction;
        Assert.Equal("Gig cancelled: kill fee settled (policy standard v2)", transaction.Description);
        Assert.Equal(ExpectedPostings, transaction.Postings);
    }

    // Proves a cancelled gig without a kill fee only changes its status.
    [Fact]
    public void Gig_cancelled_without_kill_fee_updates_the_status() =>
        Assert.Equal([new UpdateGigStatus("g-1", "Cancelled", Time)],
            ReadModelChanges.Of(new GigCancelled("g-1", "req-5", "sha256:ee", Time, "Venue flooded", null)));

    // Proves every other message (events lists do not show, states, commands, replies) and unknown objects change nothing.
    [Fact]
    public void Other_messages_change_nothing()
    {
        foreach (var message in MessageSamples.ByType.Values.Where(m => !ProjectedEvents.Contains(m.GetType())).Append(new object()))
        {
            Assert.True(!ReadModelChanges.Of(message).Any(), $"{message.GetType().Name} should change nothing");
        }
    }

    private static LedgerPostingRow[] ExpectedPostings { get; } =
    [
        new(0, "income/gigs", "EUR", -100_000, "GigIncome", "Gig fee received: 1000.00 EUR", "standard", 2, null, null, null, null),
        new(1, "fund", "EUR", 3_000, "FundContribution", "Co-op fund: 3% of the 1000.00 EUR fee", "standard", 2, null, null, 3m, null),
        new(2, "member/alice", "EUR", 5_000, "ExpenseReimbursement", "Expenses you paid, reimbursed in full", "standard", 2, null, 5000m, null, null),
        new(3, "member/sam", "EUR", 15_000, "FixedFee", "Fixed fee for role sub", "standard", 2, null, 15000m, null, null),
        new(4, "member/alice", "EUR", 46_200, "LineupShare", "Share: role leader, weight 1.5 of 2.5", "standard", 2, "leader", 1.5m, 33.333333m, "g-1"),
        new(5, "member/bob", "EUR", 30_800, "LineupShare", "Share: role member, weight 1 of 2.5", "standard", 2, "member", 1m, 66.666667m, "g-1"),
    ];
}
