using System.Buffers.Text;
using System.Text;
using MusicCollective.ReadModel;
using static MusicCollective.ReadModel.Tests.Rows;

namespace MusicCollective.ReadModel.Tests;

/// <summary>Keyset pagination: order, completeness, page sizes, and tokens that were not issued by the store.</summary>
public abstract partial class ReadModelStoreContract
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(500)]
    public async Task Entry_pages_walk_every_entry_exactly_once_in_order(int pageSize)
    {
        const string account = "member/o'brien-ü"; // a quote and a non-ASCII letter: bound, never spliced
        var expected = new List<(string TransactionId, string Currency, long Amount)>();
        for (var batch = 0; batch < 5; batch++)
        {
            var changes = new List<ReadModelChange>();
            for (var i = 0; i < 5; i++)
            {
                var id = $"t-{batch}-{i}";
                var currency = i % 3 == 0 ? "JPY" : "EUR";
                changes.Add(Append(Tx(id, ("income/gigs", currency, -(100 + i)), (account, currency, 100 + i))));
                changes.Add(Append(Transfer($"x-{batch}-{i}", "income/gigs", "member/someone-else", 1)));
                expected.Add((id, currency, 100 + i));
            }
            await Store.ApplyAsync("ledger", batch + 1, changes, Ct);
        }

        var all = await AllEntriesAsync(Store, account, pageSize: pageSize);
        Assert.Equal(expected, all.Select(e => (e.TransactionId, e.Posting.Currency, e.Posting.AmountMinor)));
        var yen = await AllEntriesAsync(Store, account, "JPY", pageSize);
        Assert.Equal(expected.Where(e => e.Currency == "JPY"),
            yen.Select(e => (e.TransactionId, e.Posting.Currency, e.Posting.AmountMinor)));
        Assert.Equal(all, await AllEntriesAsync(Store, account, "", pageSize)); // "" is "not set", as in proto3
        Assert.Empty(await AllEntriesAsync(Store, account, "GBP", pageSize));
        Assert.Empty(await AllEntriesAsync(Store, "member/nobody", null, pageSize));
    }

    [Fact]
    public async Task A_page_that_ends_the_list_has_no_token_even_when_full()
    {
        await Store.ApplyAsync("ledger", 1,
            [Append(Transfer("t-1", "fund", "member/m-1", 1)), Append(Transfer("t-2", "fund", "member/m-1", 2))], Ct);

        var page = await Store.ListEntriesAsync("member/m-1", null, 2, null, Ct);

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task Members_and_bands_are_ordered_by_id_byte_wise_and_walked_once()
    {
        string[] ids = ["m-2", "m-10", "M-3", "m-1", "zoë", "zoe", "m-1-a", "a", "émile", "Zed", "m_1"];
        await Store.ApplyAsync("p", 1,
            [.. ids.Select(id => new UpsertMember(Member(id))), .. ids.Select(id => new UpsertBand(Band(id)))], Ct);
        var expected = ids.Order(StringComparer.Ordinal).ToArray();

        for (var pageSize = 1; pageSize <= 4; pageSize++)
        {
            Assert.Equal(expected, await WalkAsync<MemberRow>((size, token) => Store.ListMembersAsync(size, token, Ct),
                pageSize, m => m.MemberId));
            Assert.Equal(expected, await WalkAsync<BandRow>((size, token) => Store.ListBandsAsync(size, token, Ct),
                pageSize, b => b.BandId));
        }
    }

    [Fact]
    public async Task Gigs_are_listed_newest_date_first_then_by_id_for_one_band()
    {
        var gigs = new[]
        {
            Gig("g-b", "b-1", new DateOnly(2025, 5, 1)), Gig("g-a", "b-1", new DateOnly(2025, 5, 1)),
            Gig("g-c", "b-1", new DateOnly(2024, 12, 31)), Gig("g-z", "b-1", new DateOnly(2026, 1, 15)),
            Gig("g-d", "b-1", new DateOnly(2025, 5, 1)), Gig("g-e", "b-1", new DateOnly(1999, 1, 1)),
            Gig("g-other", "b-2", new DateOnly(2025, 5, 1)),
        };
        await Store.ApplyAsync("p", 1, [.. gigs.Select(g => new UpsertGig(g))], Ct);

        for (var pageSize = 1; pageSize <= 3; pageSize++)
        {
            Assert.Equal(["g-z", "g-a", "g-b", "g-d", "g-c", "g-e"],
                await WalkAsync<GigRow>((size, token) => Store.ListGigsAsync("b-1", size, token, Ct), pageSize,
                    g => g.GigId));
        }
        Assert.Equal(["g-other"],
            await WalkAsync<GigRow>((size, token) => Store.ListGigsAsync("b-2", size, token, Ct), 1, g => g.GigId));
    }

    [Fact]
    public async Task Page_size_zero_is_the_default_a_larger_size_than_the_maximum_is_clamped_negative_is_refused()
    {
        var count = IReadModelStore.PageSizeMax + 20;
        await Store.ApplyAsync("p", 1,
            [.. Enumerable.Range(0, count).Select(i => new UpsertMember(Member($"m-{i:D4}")))], Ct);

        var byDefault = await Store.ListMembersAsync(0, null, Ct);
        Assert.Equal(IReadModelStore.PageSizeDefault, byDefault.Items.Count);
        Assert.NotNull(byDefault.NextPageToken);

        var clamped = await Store.ListMembersAsync(int.MaxValue, null, Ct);
        Assert.Equal(IReadModelStore.PageSizeMax, clamped.Items.Count);
        var rest = await Store.ListMembersAsync(IReadModelStore.PageSizeMax + 1, clamped.NextPageToken, Ct);
        Assert.Equal(20, rest.Items.Count);
        Assert.Null(rest.NextPageToken);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListMembersAsync(-1, null, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ListEntriesAsync("fund", null, -1, null, Ct));
    }

    [Fact]
    public async Task A_token_the_store_did_not_issue_for_this_list_is_an_InvalidPageTokenException()
    {
        await Store.ApplyAsync("ledger", 1,
        [
            new UpsertMember(Member("m-1")), new UpsertMember(Member("m-2")), new UpsertBand(Band("b-1")),
            new UpsertBand(Band("b-2")), new UpsertGig(Gig("g-1", "b-1", new DateOnly(2025, 1, 1))),
            new UpsertGig(Gig("g-2", "b-1", new DateOnly(2025, 1, 1))),
            Append(Transfer("t-1", "fund", "member/m-1", 1)), Append(Transfer("t-2", "fund", "member/m-1", 2)),
        ], Ct);
        var memberToken = (await Store.ListMembersAsync(1, null, Ct)).NextPageToken!;
        var entryToken = (await Store.ListEntriesAsync("member/m-1", null, 1, null, Ct)).NextPageToken!;
        var gigToken = (await Store.ListGigsAsync("b-1", 1, null, Ct)).NextPageToken!;
        static string Encoded(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

        var garbage = new[]
        {
            "not a token!", "%%%", "' OR 1=1 --", Encoded("' OR 1=1 --"), Encoded("[]"), Encoded("{}"),
            Encoded("[\"entries\",\"member/m-1\",null]"), Encoded("[\"entries\",\"member/m-1\",null,\"-5\"]"),
            Encoded("[\"entries\",\"member/m-1\",null,\"1; DROP TABLE rm_ledger_postings\"]"),
            Encoded("[\"entries\",\"member/m-1\",null,null]"), Encoded("[\"entries\",\"member/m-1\",null,1]"),
            memberToken, gigToken, memberToken + "A", new string('A', 10_000),
        };
        foreach (var token in garbage)
        {
            await Assert.ThrowsAsync<InvalidPageTokenException>(
                () => Store.ListEntriesAsync("member/m-1", null, 1, token, Ct));
        }
        // A token continues only the list and filters it came from.
        await Assert.ThrowsAsync<InvalidPageTokenException>(
            () => Store.ListEntriesAsync("fund", null, 1, entryToken, Ct));
        await Assert.ThrowsAsync<InvalidPageTokenException>(
            () => Store.ListEntriesAsync("member/m-1", "EUR", 1, entryToken, Ct));
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => Store.ListBandsAsync(1, memberToken, Ct));
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => Store.ListGigsAsync("b-2", 1, gigToken, Ct));
        await Assert.ThrowsAsync<InvalidPageTokenException>(
            () => Store.ListGigsAsync("b-1", 1, Encoded("[\"gigs\",\"b-1\",\"2025-13-01\",\"g-1\"]"), Ct));
        var error = await Assert.ThrowsAsync<InvalidPageTokenException>(() => Store.ListMembersAsync(1, "%%%", Ct));
        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal("pageToken", error.ParamName);

        // Nothing was harmed, and the real tokens still work.
        Assert.Equal(2, (await Store.CheckLedgerAsync(Ct)).TransactionCount);
        Assert.Equal("m-2", Assert.Single((await Store.ListMembersAsync(1, memberToken, Ct)).Items).MemberId);
        Assert.Equal("t-2", Assert.Single((await Store.ListEntriesAsync("member/m-1", null, 1, entryToken, Ct)).Items)
            .TransactionId);
        Assert.Equal("g-2", Assert.Single((await Store.ListGigsAsync("b-1", 1, gigToken, Ct)).Items).GigId);
    }

    private static async Task<List<string>> WalkAsync<T>(Func<int, string?, Task<Page<T>>> list, int pageSize,
        Func<T, string> id)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await list(pageSize, token);
            Assert.True(page.Items.Count <= pageSize);
            ids.AddRange(page.Items.Select(id));
            token = page.NextPageToken;
            Assert.True(ids.Count < 100_000, "pagination does not end");
        } while (token is not null);
        return ids;
    }
}
