namespace MusicCollective.Api.Tests.BadInput;

public abstract partial class BadInputTests
{
    /// <summary>Proves RegisterGig refuses each bad field — request_id, ids, currency XYZ, 12.305 EUR, a negative fee, 2026-02-30, a non-member not marked hired, a payee twice, an unknown role — naming it, and stores no gig.</summary>
    [Fact]
    public async Task RegisterGig_names_every_bad_field_and_stores_no_gig()
    {
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var attempted = new List<string>();
        RegisterGigRequest Gig(Action<RegisterGigRequest> change)
        {
            var request = world.Gig(1000.00m, Day(2026, 5, 1));
            change(request);
            attempted.Add(request.GigId);
            return request;
        }
        async Task Refused(Clients caller, RegisterGigRequest request, params string[] fields) =>
            await RpcAssert.InvalidArgument(async () => await caller.Gigs.RegisterGigAsync(request), fields);

        await Refused(partner, Gig(r => r.RequestId = ""), "request_id");
        await Refused(partner, Gig(r => r.GigId = "").Also(r => r.RequestId = " "), "request_id");
        await Refused(partner, Gig(r => r.GigId = MalformedId), "gig_id");
        await Refused(Admin, Gig(r => r.BandId = MalformedId), "band_id");
        await Refused(partner, Gig(r => r.AgreedFee = Of("XYZ", 1000.00m)), "agreed_fee.currency_code");
        await Refused(partner, Gig(r => r.AgreedFee = new Google.Type.Money { CurrencyCode = "EUR", Units = 12, Nanos = 305_000_000 }), "agreed_fee");
        await Refused(partner, Gig(r => r.AgreedFee = Eur(-1000.00m)), "agreed_fee");
        await Refused(partner, Gig(r => r.AgreedFee = new Google.Type.Money { CurrencyCode = "EUR", Units = 10, Nanos = -500_000_000 }), "agreed_fee.nanos");
        await Refused(partner, Gig(r => r.AgreedFee = null), "agreed_fee");
        await Refused(partner, Gig(r => r.Date = Day(2026, 2, 30)), "date");
        await Refused(partner, Gig(r => r.Date = null), "date");
        await Refused(partner, Gig(r => r.Date = Day(1999, 12, 31)), "date");
        await Refused(partner, Gig(r => r.Venue = ""), "venue");
        await Refused(partner, Gig(r => r.Lineup[1] = new LineupEntry { PayeeId = NewId("stranger"), Role = "member" }), "lineup[1].payee_id");
        await Refused(partner, Gig(r => r.Lineup[2] = new LineupEntry { PayeeId = world.Member, Role = "member" }), "lineup[2].payee_id");
        await Refused(partner, Gig(r => r.Lineup[3] = new LineupEntry { PayeeId = MalformedId, Role = "substitute", Hired = true }), "lineup[3].payee_id");
        await Refused(partner, Gig(r => r.Lineup[0].Role = "drummer"), "lineup[0].role");
        // Several bad fields at once are all named, whether the mapping or the gig itself finds them.
        await Refused(partner, Gig(r => { r.Venue = ""; r.Date = Day(1999, 12, 31); r.AgreedFee = Eur(-5.00m); }),
            "venue", "date", "agreed_fee");
        await Refused(partner, Gig(r =>
        {
            r.Date = Day(2026, 2, 30);
            r.AgreedFee = Of("XYZ", 10.00m);
            r.Venue = " ";
            r.Lineup[2] = new LineupEntry { PayeeId = world.Member, Role = "member" };
        }), "date", "agreed_fee.currency_code", "venue", "lineup[2].payee_id");
        await Refused(partner, Gig(r =>
        {
            r.AgreedFee = new Google.Type.Money { CurrencyCode = "EUR", Units = 12, Nanos = 305_000_000 };
            r.Lineup[1] = new LineupEntry { PayeeId = NewId("stranger"), Role = "member" };
            r.Lineup[3].Role = "roadie";
        }), "agreed_fee", "lineup[1].payee_id", "lineup[3].role");

        foreach (var gigId in attempted.Where(id => id != "" && id != MalformedId)) await AssertNoGigAsync(gigId);
        await Eventually.Holds(async () =>
        {
            var listed = await Admin.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId });
            Assert.Empty(listed.Gigs);
        }, TimeSpan.FromSeconds(1));
    }

    /// <summary>Proves SetLineup refuses a missing request_id, a malformed gig_id, a non-member not marked hired, a payee twice and a malformed payee, naming each; the line-up is unchanged.</summary>
    [Fact]
    public async Task SetLineup_names_every_bad_field_and_changes_nothing()
    {
        var world = await SeedBandAsync();
        var gig = await BookedGigAsync(world);
        var partner = PartnerOf(world);
        SetLineupRequest Lineup(params LineupEntry[] lineup)
        {
            var request = new SetLineupRequest { RequestId = NewRequestId(), GigId = gig.GigId };
            request.Lineup.AddRange(lineup);
            return request;
        }
        async Task Refused(Clients caller, SetLineupRequest request, params string[] fields) =>
            await RpcAssert.InvalidArgument(async () => await caller.Gigs.SetLineupAsync(request), fields);

        await Refused(partner, Lineup(world.DuoLineup()).Also(r => r.RequestId = ""), "request_id");
        await Refused(Admin, Lineup(world.DuoLineup()).Also(r => r.GigId = MalformedId), "gig_id");
        await Refused(partner, Lineup(new LineupEntry { PayeeId = NewId("stranger"), Role = "member" }), "lineup[0].payee_id");
        await Refused(partner, Lineup(new LineupEntry { PayeeId = world.Leader, Role = "leader" }, new LineupEntry { PayeeId = world.Leader, Role = "member" }),
            "lineup[1].payee_id");
        await Refused(partner, Lineup(new LineupEntry { PayeeId = MalformedId, Role = "substitute", Hired = true }), "lineup[0].payee_id");

        Assert.Equal(gig, await ReadGigAsync(gig.GigId));
    }

    /// <summary>Proves AddExpense refuses a missing expense or request_id, 12.305 EUR, XYZ, a negative or foreign-currency amount, a malformed payer and a blank description, naming each; no expense is added.</summary>
    [Fact]
    public async Task AddExpense_names_every_bad_field_and_adds_nothing()
    {
        var world = await SeedBandAsync();
        var gig = await BookedGigAsync(world);
        var partner = PartnerOf(world);
        AddExpenseRequest Expense(Action<Expense> change)
        {
            var expense = new Expense { ExpenseId = "fuel", PaidBy = world.Member, Description = "Van fuel", Amount = Eur(80.00m), ReceiptReference = "R-1" };
            change(expense);
            return new AddExpenseRequest { RequestId = NewRequestId(), GigId = gig.GigId, Expense = expense };
        }
        async Task Refused(AddExpenseRequest request, params string[] fields) =>
            await RpcAssert.InvalidArgument(async () => await partner.Gigs.AddExpenseAsync(request), fields);

        await Refused(Expense(_ => { }).Also(r => r.RequestId = ""), "request_id");
        await Refused(new AddExpenseRequest { RequestId = NewRequestId(), GigId = gig.GigId }, "expense");
        await Refused(Expense(e => e.Amount = new Google.Type.Money { CurrencyCode = "EUR", Units = 12, Nanos = 305_000_000 }), "expense.amount");
        await Refused(Expense(e => e.Amount = Of("XYZ", 80.00m)), "expense.amount.currency_code");
        await Refused(Expense(e => e.Amount = Of("USD", 80.00m)), "expense.amount.currency_code");
        await Refused(Expense(e => e.Amount = Eur(-80.00m)), "expense.amount");
        await Refused(Expense(e => e.PaidBy = MalformedId), "expense.paid_by");
        await Refused(Expense(e => e.ExpenseId = ""), "expense.expense_id");
        await Refused(Expense(e => { e.Description = ""; e.ReceiptReference = ""; }), "expense.description", "expense.receipt_reference");
        await RpcAssert.InvalidArgument(async () => await Admin.Gigs.AddExpenseAsync(Expense(_ => { }).Also(r => r.GigId = MalformedId)), "gig_id");

        Assert.Equal(gig, await ReadGigAsync(gig.GigId));
    }

    /// <summary>Proves MarkPerformed and CancelGig refuse a missing request_id, a malformed gig_id, a negative or XYZ kill fee and a blank reason, naming each; the gig stays booked.</summary>
    [Fact]
    public async Task MarkPerformed_and_CancelGig_name_every_bad_field_and_change_nothing()
    {
        var world = await SeedBandAsync();
        var gig = await BookedGigAsync(world);
        var partner = PartnerOf(world);

        await RpcAssert.InvalidArgument(async () =>
            await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { GigId = gig.GigId }), "request_id");
        await RpcAssert.InvalidArgument(async () =>
            await Admin.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = MalformedId }), "gig_id");
        await RpcAssert.InvalidArgument(async () =>
            await Admin.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId() }), "gig_id");

        CancelGigRequest Cancel(Action<CancelGigRequest> change)
        {
            var request = new CancelGigRequest { RequestId = NewRequestId(), GigId = gig.GigId, Reason = "Venue closed", KillFee = Eur(100.00m) };
            change(request);
            return request;
        }
        async Task Refused(Clients caller, CancelGigRequest request, params string[] fields) =>
            await RpcAssert.InvalidArgument(async () => await caller.Gigs.CancelGigAsync(request), fields);
        await Refused(partner, Cancel(r => r.RequestId = ""), "request_id");
        await Refused(Admin, Cancel(r => r.GigId = MalformedId), "gig_id");
        await Refused(partner, Cancel(r => r.KillFee = Eur(-100.00m)), "kill_fee");
        await Refused(partner, Cancel(r => r.KillFee = Of("XYZ", 100.00m)), "kill_fee.currency_code");
        await Refused(partner, Cancel(r => r.KillFee = new Google.Type.Money { CurrencyCode = "EUR", Units = 12, Nanos = 305_000_000 }), "kill_fee");
        await Refused(partner, Cancel(r => r.Reason = ""), "reason");

        Assert.Equal(gig, await ReadGigAsync(gig.GigId));
    }

    /// <summary>Proves RecordFeeReceived refuses a negative, missing, XYZ, foreign-currency or 12.305 EUR fee and a missing request_id, naming each; nothing is settled and the ledger is unchanged.</summary>
    [Fact]
    public async Task RecordFeeReceived_names_every_bad_field_and_settles_nothing()
    {
        var world = await SeedBandAsync();
        var gig = await BookedGigAsync(world);
        var partner = PartnerOf(world);
        var performed = await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = gig.GigId });
        var ledgerBefore = await CheckLedgerAsync(Treasurer);

        async Task Refused(Clients caller, RecordFeeReceivedRequest request, params string[] fields) =>
            await RpcAssert.InvalidArgument(async () => await caller.Gigs.RecordFeeReceivedAsync(request), fields);
        RecordFeeReceivedRequest Fee(Google.Type.Money? fee) => new() { RequestId = NewRequestId(), GigId = gig.GigId, Fee = fee };

        await Refused(partner, Fee(Eur(-1000.00m)), "fee");
        await Refused(partner, Fee(null), "fee");
        await Refused(partner, Fee(Of("XYZ", 1000.00m)), "fee.currency_code");
        await Refused(partner, Fee(Of("USD", 1000.00m)), "fee.currency_code");
        await Refused(partner, Fee(new Google.Type.Money { CurrencyCode = "EUR", Units = 12, Nanos = 305_000_000 }), "fee");
        await Refused(partner, Fee(Eur(1000.00m)).Also(r => r.RequestId = ""), "request_id");
        await Refused(Admin, Fee(Eur(1000.00m)).Also(r => r.GigId = MalformedId), "gig_id");

        Assert.Equal(performed, await ReadGigAsync(gig.GigId));
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // a stray settlement would have been projected by now
        var ledgerAfter = await CheckLedgerAsync(Treasurer);
        Assert.Equal((ledgerBefore.TransactionCount, ledgerBefore.PostingCount), (ledgerAfter.TransactionCount, ledgerAfter.PostingCount));
        Assert.Empty(await AllEntriesAsync(Admin, world.Leader));
    }

    /// <summary>Proves GetGig and ListGigs refuse malformed or missing ids, page_size -1 and malformed page tokens, naming each.</summary>
    [Fact]
    public async Task GetGig_and_ListGigs_name_every_bad_field()
    {
        var world = await SeedBandAsync();
        await BookedGigAsync(world);
        await BookedGigAsync(world);
        var partner = PartnerOf(world);

        await RpcAssert.InvalidArgument(async () => await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = MalformedId }), "gig_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Gigs.GetGigAsync(new GetGigRequest()), "gig_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Gigs.ListGigsAsync(new ListGigsRequest { BandId = MalformedId }), "band_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Gigs.ListGigsAsync(new ListGigsRequest()), "band_id");
        await RpcAssert.InvalidArgument(async () => await partner.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId, PageSize = -1 }), "page_size");
        await RpcAssert.InvalidArgument(async () =>
            await partner.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId, PageToken = MalformedPageToken }), "page_token");

        // A token from another band's list does not continue this one.
        var other = await SeedBandAsync();
        await BookedGigAsync(other);
        await BookedGigAsync(other);
        var otherPage = await Eventually.Until(
            async () => await Admin.Gigs.ListGigsAsync(new ListGigsRequest { BandId = other.BandId, PageSize = 1 }),
            page => page.NextPageToken != "", "a second page of the other band's gigs");
        await RpcAssert.InvalidArgument(async () =>
            await partner.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId, PageToken = otherPage.NextPageToken }), "page_token");
    }
}
