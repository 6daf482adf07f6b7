using System.Data.Common;
using MusicCollective.Domain.Errors;
using MusicCollective.ReadModel;
using static MusicCollective.ReadModel.Tests.Rows;

namespace MusicCollective.ReadModel.Tests;

/// <summary>Schema, applying batches, idempotency and atomicity.</summary>
public abstract partial class ReadModelStoreContract
{
    [Fact]
    public async Task Schema_creation_is_idempotent_and_keeps_data()
    {
        await Store.ApplyAsync("ledger", 1, [Append(Transfer("t-1", "fund", "member/m-1", 500))], Ct);

        await Store.EnsureSchemaAsync(Ct);
        var other = await OpenStoreAsync(ConnectionString);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => other.EnsureSchemaAsync(Ct)));

        var check = await other.CheckLedgerAsync(Ct);
        Assert.Equal(1, check.TransactionCount);
        Assert.Equal(1, await other.GetOffsetAsync("ledger", Ct));
    }

    [Fact]
    public async Task Schema_lives_beside_the_Akka_tables_and_every_table_is_prefixed()
    {
        // Akka.Persistence.Sql's tables may already be in the same database.
        var fresh = await NewDatabaseAsync();
        ConnectionString = fresh;
        await ExecuteSqlAsync("CREATE TABLE journal (ordering BIGINT PRIMARY KEY, payload TEXT)");
        await ExecuteSqlAsync("CREATE TABLE tags (ordering_id BIGINT, tag TEXT)");
        var store = await OpenStoreAsync(fresh);

        var tables = await QueryStringsAsync(Kind == DatabaseKind.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");

        Assert.Equal(
            ["journal", "rm_bands", "rm_gigs", "rm_ledger_postings", "rm_ledger_transactions", "rm_members",
                "rm_projection_offsets", "tags"],
            tables);
        Assert.Equal(0, (await store.CheckLedgerAsync(Ct)).TransactionCount);
    }

    [Fact]
    public async Task An_empty_store_has_offset_zero_no_balances_and_a_balanced_ledger()
    {
        Assert.Equal(0, await Store.GetOffsetAsync("ledger", Ct));
        Assert.Empty(await Store.GetBalancesAsync("member/m-1", Ct));
        var check = await Store.CheckLedgerAsync(Ct);
        Assert.Empty(check.Totals);
        Assert.Equal((0L, 0L), (check.TransactionCount, check.PostingCount));
        Assert.True(check.Balanced);
        var page = await Store.ListMembersAsync(0, null, Ct);
        Assert.Empty(page.Items);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task Applying_a_batch_stores_every_row_exactly_and_the_offset()
    {
        // Times with sub-microsecond ticks and a +02:00 offset come back in UTC, to the microsecond.
        var member = new MemberRow("m-1", "Ada Lovelace", "ada@example.org", Time);
        var band = new BandRow("b-1", "Ada & the Engines", Time);
        var gig = new GigRow("g-1", "b-1", "Paradiso, Amsterdam", new DateOnly(2025, 2, 28), "Settled", "EUR",
            123_456, Time);
        var full = new LedgerPostingRow(1, "member/m-1", "EUR", 9_750, "GigShare", "your share: leader",
            "Standard split", 3, "leader", 1.50m, 33.3333333333m, "gigs/g-1");
        var transaction = new LedgerTransactionRow("t-1", Time, "gigs/g-1", "settlement of g-1",
        [
            Posting(0, "income/gigs", "EUR", -10_000) with { Weight = 0.0000000001m },
            full,
            Posting(2, "fund", "EUR", 250),
        ]);

        await Store.ApplyAsync("ledger", 17,
            [new UpsertMember(member), new UpsertBand(band), new UpsertGig(gig), Append(transaction)], Ct);

        Assert.Equal(17, await Store.GetOffsetAsync("ledger", Ct));
        Assert.Equal(0, await Store.GetOffsetAsync("another projection", Ct));
        var storedMember = Assert.Single((await Store.ListMembersAsync(10, null, Ct)).Items);
        Assert.Equal(member with { CreateTime = StoredTime }, storedMember);
        Assert.Equal(TimeSpan.Zero, storedMember.CreateTime.Offset);
        Assert.Equal(StoredTime.UtcTicks, storedMember.CreateTime.UtcTicks);
        Assert.Equal(band with { CreateTime = StoredTime }, Assert.Single((await Store.ListBandsAsync(10, null, Ct)).Items));
        Assert.Equal(gig with { UpdateTime = StoredTime },
            Assert.Single((await Store.ListGigsAsync("b-1", 10, null, Ct)).Items));

        var entry = Assert.Single(await AllEntriesAsync(Store, "member/m-1"));
        Assert.Equal(new LedgerEntryRow("t-1", StoredTime, "gigs/g-1", full), entry);
        Assert.Equal(StoredTime.UtcTicks, entry.RecordTime.UtcTicks);
        // Decimals are exact and keep their scale: "1.50" is not "1.5".
        Assert.Equal("1.50", entry.Posting.Weight!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("33.3333333333",
            entry.Posting.Percentage!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var income = Assert.Single(await AllEntriesAsync(Store, "income/gigs"));
        Assert.Equal(0.0000000001m, income.Posting.Weight);
        Assert.Null(income.Posting.PolicyName);
        Assert.Null(income.Posting.PolicyVersion);
        Assert.Null(income.Posting.Percentage);
        Assert.Null(income.Posting.AllocationKey);
    }

    [Fact]
    public async Task Reapplying_the_same_batch_changes_nothing()
    {
        IReadOnlyList<ReadModelChange> batch =
        [
            new UpsertMember(Member("m-1")),
            Append(Tx("t-1", ("income/gigs", "EUR", -1_000), ("member/m-1", "EUR", 970), ("fund", "EUR", 30))),
            Append(Transfer("t-2", "income/gigs", "member/m-1", 5_000, "JPY")),
            Append(Transfer("t-3", "member/m-1", "payouts/pending", 900)),
        ];
        await Store.ApplyAsync("ledger", 10, batch, Ct);
        var before = await SnapshotAsync("member/m-1", "income/gigs", "fund", "payouts/pending");

        await Store.ApplyAsync("ledger", 10, batch, Ct); // the same batch again (a retry after a lost reply)
        await Store.ApplyAsync("ledger", 12, batch, Ct); // the same transactions in a later batch (a replay)

        Assert.Equal(before, await SnapshotAsync("member/m-1", "income/gigs", "fund", "payouts/pending"));
        Assert.Equal(12, await Store.GetOffsetAsync("ledger", Ct));
        var check = await Store.CheckLedgerAsync(Ct);
        Assert.Equal(3, check.TransactionCount);
        Assert.Equal(7, check.PostingCount);
    }

    [Fact]
    public async Task A_transaction_repeated_within_a_batch_is_stored_once()
    {
        var transfer = Transfer("t-1", "fund", "member/m-1", 500);
        await Store.ApplyAsync("ledger", 3, [Append(transfer), Append(transfer), Append(transfer)], Ct);

        Assert.Equal([new CurrencyAmount("EUR", 500)], await Store.GetBalancesAsync("member/m-1", Ct));
        Assert.Equal(2, (await Store.CheckLedgerAsync(Ct)).PostingCount);
    }

    [Fact]
    public async Task The_offset_only_moves_forward_and_an_older_batch_neither_loses_nor_regresses_rows()
    {
        await Store.ApplyAsync("ledger", 10,
            [new UpsertMember(Member("m-1", "New name")), Append(Transfer("t-1", "fund", "member/m-1", 100))], Ct);

        // An older batch arriving late: its new transaction is kept (money is never dropped), its stale member row
        // does not overwrite the newer one, and the offset stays.
        await Store.ApplyAsync("ledger", 5,
        [
            new UpsertMember(Member("m-1", "Old name")), new UpsertMember(Member("m-2")),
            Append(Transfer("t-0", "fund", "member/m-1", 7)),
        ], Ct);

        Assert.Equal(10, await Store.GetOffsetAsync("ledger", Ct));
        var members = (await Store.ListMembersAsync(10, null, Ct)).Items;
        Assert.Equal(["New name", "Ada"], members.Select(m => m.DisplayName));
        Assert.Equal([new CurrencyAmount("EUR", 107)], await Store.GetBalancesAsync("member/m-1", Ct));

        await Store.ApplyAsync("ledger", 11, [], Ct);
        Assert.Equal(11, await Store.GetOffsetAsync("ledger", Ct));
        Assert.Equal(0, await Store.GetOffsetAsync("other", Ct));
    }

    [Fact]
    public async Task A_later_batch_updates_rows_and_the_last_write_in_a_batch_wins()
    {
        await Store.ApplyAsync("p", 1, [new UpsertGig(Gig("g-1", "b-1", new DateOnly(2025, 1, 1)))], Ct);
        await Store.ApplyAsync("p", 2,
        [
            new UpsertGig(Gig("g-1", "b-1", new DateOnly(2025, 1, 1), "Performed")),
            new UpsertGig(Gig("g-1", "b-1", new DateOnly(2025, 1, 2), "FeeReceived")),
            new UpsertBand(Band("b-1", "First")), new UpsertBand(Band("b-1", "Second")),
        ], Ct);

        var gig = Assert.Single((await Store.ListGigsAsync("b-1", 10, null, Ct)).Items);
        Assert.Equal(("FeeReceived", new DateOnly(2025, 1, 2)), (gig.Status, gig.Date));
        Assert.Equal("Second", Assert.Single((await Store.ListBandsAsync(10, null, Ct)).Items).Name);
    }

    public enum Failure
    {
        DuplicatePostingIndex,
        NullAccount,
        NullTransactionReference,
    }

    [Theory]
    [InlineData(Failure.DuplicatePostingIndex)]
    [InlineData(Failure.NullAccount)]
    [InlineData(Failure.NullTransactionReference)]
    public async Task A_batch_whose_SQL_fails_midway_applies_nothing_and_keeps_the_offset(Failure failure)
    {
        await Store.ApplyAsync("ledger", 5,
            [new UpsertMember(Member("m-1", "Before")), Append(Transfer("t-1", "fund", "member/m-1", 100))], Ct);
        var before = await SnapshotAsync("member/m-1", "fund");

        var bad = failure switch
        {
            // Balanced, so it passes the store's own check; the database's unique/not-null constraints refuse it.
            Failure.DuplicatePostingIndex => Tx("t-bad", ("fund", "EUR", -5), ("member/m-2", "EUR", 5)) is var t
                ? t with { Postings = [t.Postings[0], t.Postings[1] with { PostingIndex = 0 }] }
                : null!,
            Failure.NullAccount => Tx("t-bad", ("fund", "EUR", -5), (null!, "EUR", 5)),
            Failure.NullTransactionReference => Transfer("t-bad", "fund", "member/m-2", 5) with { Reference = null! },
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        };
        var batch = new List<ReadModelChange>
        {
            new UpsertMember(Member("m-1", "After")), new UpsertMember(Member("m-2")), new UpsertBand(Band("b-1")),
        };
        // Enough good transactions before the bad one to fill more than one multi-row INSERT on either engine.
        const int GoodTransactionCount = 503;
        batch.AddRange(Enumerable.Range(0, GoodTransactionCount)
            .Select(i => Append(Transfer($"t-good-{i}", "fund", "member/m-2", 1))));
        batch.Add(Append(bad));

        await Assert.ThrowsAnyAsync<DbException>(() => Store.ApplyAsync("ledger", 9, batch, Ct));

        Assert.Equal(5, await Store.GetOffsetAsync("ledger", Ct));
        Assert.Equal(before, await SnapshotAsync("member/m-1", "fund"));
        Assert.Empty(await Store.GetBalancesAsync("member/m-2", Ct));
        Assert.Empty((await Store.ListBandsAsync(10, null, Ct)).Items);
        Assert.Equal(["m-1"], (await Store.ListMembersAsync(10, null, Ct)).Items.Select(m => m.MemberId));

        // The store is still usable: the same batch without the bad transaction applies whole.
        batch.RemoveAt(batch.Count - 1);
        await Store.ApplyAsync("ledger", 9, batch, Ct);
        Assert.Equal(9, await Store.GetOffsetAsync("ledger", Ct));
        Assert.Equal([new CurrencyAmount("EUR", GoodTransactionCount)],
            await Store.GetBalancesAsync("member/m-2", Ct));
    }

    [Fact]
    public async Task An_unbalanced_or_single_sided_transaction_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<InvariantViolationException>(() => Store.ApplyAsync("ledger", 1,
            [new UpsertMember(Member("m-1")), Append(Tx("t-1", ("fund", "EUR", -5), ("member/m-1", "EUR", 4)))], Ct));
        await Assert.ThrowsAsync<InvariantViolationException>(() => Store.ApplyAsync("ledger", 1,
            [Append(Tx("t-2", ("fund", "EUR", -5), ("member/m-1", "JPY", 5)))], Ct));
        await Assert.ThrowsAsync<InvariantViolationException>(() => Store.ApplyAsync("ledger", 1,
            [Append(Tx("t-3", ("fund", "EUR", 0)))], Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ApplyAsync("ledger", 1, [null!], Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ApplyAsync("", 1, [], Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ApplyAsync("ledger", -1, [], Ct));

        Assert.Equal(0, await Store.GetOffsetAsync("ledger", Ct));
        Assert.Empty((await Store.ListMembersAsync(10, null, Ct)).Items);
        Assert.Equal(0, (await Store.CheckLedgerAsync(Ct)).TransactionCount);
    }

    /// <summary>Everything a reader can see about some accounts, comparable with Assert.Equal.</summary>
    private async Task<string> SnapshotAsync(params string[] accounts)
    {
        var parts = new List<string>();
        foreach (var account in accounts)
        {
            parts.Add($"{account}: {string.Join(", ", await Store.GetBalancesAsync(account, Ct))}");
            parts.AddRange((await AllEntriesAsync(Store, account, pageSize: 2)).Select(e => e.ToString()));
        }
        var check = await Store.CheckLedgerAsync(Ct);
        parts.Add($"{string.Join(", ", check.Totals)} {check.TransactionCount} {check.PostingCount}");
        parts.AddRange((await Store.ListMembersAsync(500, null, Ct)).Items.Select(m => m.ToString()));
        return string.Join(Environment.NewLine, parts);
    }
}
