using MusicCollective.ReadModel;
using static MusicCollective.ReadModel.Tests.Rows;

namespace MusicCollective.ReadModel.Tests;

/// <summary>Partial updates: gig status changes and member profile updates keep what they do not own.</summary>
public abstract partial class ReadModelStoreContract
{
    [Fact]
    public async Task A_status_change_updates_status_and_time_and_keeps_every_other_column()
    {
        // Proves UpdateGigStatus touches status and update time only, even within the batch that inserted the gig.
        var date = new DateOnly(2026, 12, 1);
        var later = StoredTime.AddHours(1);
        await Store.ApplyAsync("ledger", 5, [new UpsertGig(Gig("g-1", "b-1", date)), new UpdateGigStatus("g-1", "Performed", later)], Ct);
        await Store.ApplyAsync("ledger", 6, [new UpdateGigStatus("g-1", "Settled", later.AddHours(1))], Ct);

        var gig = Assert.Single((await Store.ListGigsAsync("b-1", 0, null, Ct)).Items);
        Assert.Equal(Gig("g-1", "b-1", date) with { Status = "Settled", UpdateTime = later.AddHours(1) }, gig);
    }

    [Fact]
    public async Task Status_changes_of_many_gigs_in_one_batch_apply_in_order()
    {
        // Proves a batch of status changes (on PostgreSQL one round trip for all of them) keeps their order: each
        // gig ends with its last status and time, whatever the other gigs' changes in between.
        var date = new DateOnly(2026, 12, 1);
        var gigIds = Enumerable.Range(1, 20).Select(n => $"g-{n}").ToList();
        await Store.ApplyAsync("ledger", 5, [.. gigIds.Select(id => new UpsertGig(Gig(id, "b-1", date)))], Ct);
        var changes = new List<ReadModelChange>();
        foreach (var status in (string[])["Performed", "FeeReceived", "Settled"])
        {
            changes.AddRange(gigIds.Select((id, n) => new UpdateGigStatus(id, n % 2 == 0 ? status : "Booked", StoredTime.AddMinutes(n))));
        }
        await Store.ApplyAsync("ledger", 6, changes, Ct);

        var gigs = (await Store.ListGigsAsync("b-1", 50, null, Ct)).Items.ToDictionary(g => g.GigId);
        Assert.Equal(gigIds.Count, gigs.Count);
        for (var n = 0; n < gigIds.Count; n++)
        {
            Assert.Equal((n % 2 == 0 ? "Settled" : "Booked", StoredTime.AddMinutes(n)), (gigs[gigIds[n]].Status, gigs[gigIds[n]].UpdateTime));
        }
    }

    [Fact]
    public async Task A_replayed_older_status_change_does_not_overwrite_a_newer_one()
    {
        // Proves a stale batch (lower offset) cannot move a settled gig back to performed.
        var date = new DateOnly(2026, 12, 1);
        await Store.ApplyAsync("ledger", 5, [new UpsertGig(Gig("g-1", "b-1", date)), new UpdateGigStatus("g-1", "Settled", StoredTime)], Ct);
        await Store.ApplyAsync("ledger", 3, [new UpdateGigStatus("g-1", "Performed", StoredTime)], Ct);

        Assert.Equal("Settled", Assert.Single((await Store.ListGigsAsync("b-1", 0, null, Ct)).Items).Status);
    }

    [Fact]
    public async Task A_member_update_keeps_the_create_time()
    {
        // Proves re-upserting a member (a profile update) changes name and email but never the create time.
        await Store.ApplyAsync("ledger", 1, [new UpsertMember(Member("m-1"))], Ct);
        await Store.ApplyAsync("ledger", 2, [new UpsertMember(new MemberRow("m-1", "Ada B", "b@example.org", StoredTime.AddDays(3)))], Ct);

        var member = Assert.Single((await Store.ListMembersAsync(0, null, Ct)).Items);
        Assert.Equal(new MemberRow("m-1", "Ada B", "b@example.org", StoredTime), member);
    }
}
