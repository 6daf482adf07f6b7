namespace MusicCollective.Api.Tests;

/// <summary>
/// request_id (AIP-155) end to end: a retry gets the first answer and changes nothing, a reused id with other content
/// is refused, and concurrent duplicates settle or register exactly once. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class IdempotencyTests(SharedServer shared) : ApiTestBase(shared)
{
    /// <summary>Parallel duplicates fired at once.</summary>
    private const int DuplicatesCount = 20;

    /// <summary>How long to keep watching that nothing is counted twice after the projection caught up.</summary>
    private static readonly TimeSpan DoubleCountWatch = TimeSpan.FromSeconds(1);

    /// <summary>Proves retrying every step of a gig with the same request_id and payload returns the first answer and moves money once.</summary>
    [Fact]
    public async Task Retries_return_the_first_answer_and_change_nothing()
    {
        var memberRequest = new CreateMemberRequest
        {
            RequestId = NewRequestId(), MemberId = NewId("dora"), DisplayName = "Dora", Email = "dora@example.org",
        };
        var created = await Admin.Members.CreateMemberAsync(memberRequest);
        Assert.Equal(created, await Admin.Members.CreateMemberAsync(memberRequest));

        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var register = world.Gig(2000.00m, Day(2026, 5, 1));
        var gig = await partner.Gigs.RegisterGigAsync(register);
        Assert.Equal(gig, await partner.Gigs.RegisterGigAsync(register));

        var expense = new AddExpenseRequest
        {
            RequestId = NewRequestId(), GigId = gig.GigId,
            Expense = new Expense { ExpenseId = "fuel", PaidBy = world.Member, Description = "Van fuel", Amount = Eur(80.00m), ReceiptReference = "R-1" },
        };
        var withExpense = await partner.Gigs.AddExpenseAsync(expense);
        Assert.Equal(withExpense, await partner.Gigs.AddExpenseAsync(expense));
        Assert.Single(withExpense.Expenses);

        var performed = new MarkPerformedRequest { RequestId = NewRequestId(), GigId = gig.GigId };
        var performedGig = await partner.Gigs.MarkPerformedAsync(performed);
        Assert.Equal(performedGig, await partner.Gigs.MarkPerformedAsync(performed));

        var fee = new RecordFeeReceivedRequest { RequestId = NewRequestId(), GigId = gig.GigId, Fee = Eur(2000.00m) };
        var settled = await partner.Gigs.RecordFeeReceivedAsync(fee);
        var again = await partner.Gigs.RecordFeeReceivedAsync(fee);
        Assert.Equal(settled, again);

        var stored = await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = gig.GigId });
        Assert.Single(stored.Expenses);
        Assert.Equal(settled.Settlement, stored.Settlement);
        await AssertSettledOnceAsync(world, gig.GigId, settled.Settlement);
    }

    /// <summary>Proves a late retry of each step of a gig settled since answers with that step's first answer (booked, then one expense, then performed) and writes nothing.</summary>
    [Fact]
    public async Task Late_retries_answer_with_the_first_answer_and_write_nothing()
    {
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var register = world.Gig(2000.00m, Day(2026, 5, 1));
        var registered = await partner.Gigs.RegisterGigAsync(register);
        var expense = new AddExpenseRequest
        {
            RequestId = NewRequestId(), GigId = registered.GigId,
            Expense = new Expense { ExpenseId = "fuel", PaidBy = world.Member, Description = "Van fuel", Amount = Eur(80.00m), ReceiptReference = "R-1" },
        };
        var withExpense = await partner.Gigs.AddExpenseAsync(expense);
        var performed = new MarkPerformedRequest { RequestId = NewRequestId(), GigId = registered.GigId };
        var performedGig = await partner.Gigs.MarkPerformedAsync(performed);
        var fee = new RecordFeeReceivedRequest { RequestId = NewRequestId(), GigId = registered.GigId, Fee = Eur(2000.00m) };
        var settled = await partner.Gigs.RecordFeeReceivedAsync(fee);
        await AssertSettledOnceAsync(world, registered.GigId, settled.Settlement);
        var ledgerBefore = await SettledLedgerAsync(Treasurer);
        var eventsBefore = await Server.Storage.CountEventsAsync($"gig-{registered.GigId}");

        var lateRegister = await partner.Gigs.RegisterGigAsync(register);
        var lateExpense = await partner.Gigs.AddExpenseAsync(expense);
        var latePerformed = await partner.Gigs.MarkPerformedAsync(performed);
        var lateFee = await partner.Gigs.RecordFeeReceivedAsync(fee);

        Assert.Equal((GigStatus.Booked, 0), (lateRegister.Status, lateRegister.Expenses.Count));
        Assert.Equal(registered, lateRegister);
        Assert.Equal((GigStatus.Booked, 1), (lateExpense.Status, lateExpense.Expenses.Count));
        Assert.Equal(withExpense, lateExpense);
        Assert.Equal(GigStatus.Performed, latePerformed.Status);
        Assert.Equal(performedGig, latePerformed);
        Assert.Equal(settled, lateFee);

        Assert.Equal(4, eventsBefore);
        Assert.Equal(eventsBefore, await Server.Storage.CountEventsAsync($"gig-{registered.GigId}"));
        Assert.Equal(settled, await ReadGigAsAdminAsync(registered.GigId));
        await AssertSettledOnceAsync(world, registered.GigId, settled.Settlement);
        var ledgerAfter = await SettledLedgerAsync(Treasurer);
        Assert.Equal((ledgerBefore.TransactionCount, ledgerBefore.PostingCount), (ledgerAfter.TransactionCount, ledgerAfter.PostingCount));
    }

    /// <summary>Proves a member update retried after a second update answers with the first update's values and writes nothing.</summary>
    [Fact]
    public async Task Late_retry_of_a_member_update_answers_with_its_own_values()
    {
        var memberId = NewId("fay");
        await CreateMemberAsync(Admin, memberId);
        var first = new UpdateMemberRequest { RequestId = NewRequestId(), MemberId = memberId, DisplayName = "Fay", Email = "fay@example.org" };
        var firstAnswer = await Admin.Members.UpdateMemberAsync(first);
        var second = new UpdateMemberRequest
        {
            RequestId = NewRequestId(), MemberId = memberId, DisplayName = "Fay Fontaine", Email = "fontaine@example.org",
        };
        var secondAnswer = await Admin.Members.UpdateMemberAsync(second);
        var eventsBefore = await Server.Storage.CountEventsAsync($"member-{memberId}");

        var late = await Admin.Members.UpdateMemberAsync(first);

        Assert.Equal(("Fay", "fay@example.org"), (late.DisplayName, late.Email));
        Assert.Equal(firstAnswer, late);
        Assert.Equal(secondAnswer, await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = memberId }));
        Assert.Equal(3, eventsBefore);
        Assert.Equal(eventsBefore, await Server.Storage.CountEventsAsync($"member-{memberId}"));
    }

    /// <summary>Proves a partner authorisation retried after the partner was revoked answers with the partner authorised, and it stays revoked.</summary>
    [Fact]
    public async Task Late_retry_of_a_band_change_answers_with_the_band_as_it_then_was()
    {
        var world = await SeedBandAsync();
        var otherPartner = NewId("partner");
        var authorize = new AuthorizePartnerRequest { RequestId = NewRequestId(), BandId = world.BandId, PartnerId = otherPartner };
        var authorized = await Admin.Bands.AuthorizePartnerAsync(authorize);
        var revoked = await Admin.Bands.RevokePartnerAsync(new RevokePartnerRequest
        {
            RequestId = NewRequestId(), BandId = world.BandId, PartnerId = otherPartner,
        });

        var late = await Admin.Bands.AuthorizePartnerAsync(authorize);

        Assert.Contains(otherPartner, late.AuthorizedPartnerIds);
        Assert.Equal(authorized, late);
        Assert.DoesNotContain(otherPartner, revoked.AuthorizedPartnerIds);
        Assert.Equal(revoked, await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId }));
    }

    private async Task<Gig> ReadGigAsAdminAsync(string gigId) => await Admin.Gigs.GetGigAsync(new GetGigRequest { GigId = gigId });

    /// <summary>Proves a request_id reused with another payload is ALREADY_EXISTS naming request_id, and the first request's result stays.</summary>
    [Fact]
    public async Task Reused_request_id_with_another_payload_is_refused()
    {
        var memberRequest = new CreateMemberRequest
        {
            RequestId = NewRequestId(), MemberId = NewId("erin"), DisplayName = "Erin", Email = "erin@example.org",
        };
        await Admin.Members.CreateMemberAsync(memberRequest);
        var changedMember = memberRequest.Clone();
        changedMember.DisplayName = "Erin the Second";
        await RpcAssert.Violations(StatusCode.AlreadyExists, async () => await Admin.Members.CreateMemberAsync(changedMember), "request_id");
        Assert.Equal("Erin", (await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = memberRequest.MemberId })).DisplayName);

        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var register = world.Gig(2000.00m, Day(2026, 5, 1), gigId: "");
        var gig = await partner.Gigs.RegisterGigAsync(register);
        var otherVenue = register.Clone();
        otherVenue.Venue = "Melkweg, Amsterdam";
        await RpcAssert.Violations(StatusCode.AlreadyExists, async () => await partner.Gigs.RegisterGigAsync(otherVenue), "request_id");
        Assert.Equal("Paradiso, Amsterdam", (await partner.Gigs.GetGigAsync(new GetGigRequest { GigId = gig.GigId })).Venue);

        await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = gig.GigId });
        var fee = new RecordFeeReceivedRequest { RequestId = NewRequestId(), GigId = gig.GigId, Fee = Eur(2000.00m) };
        var settled = await partner.Gigs.RecordFeeReceivedAsync(fee);
        var otherFee = fee.Clone();
        otherFee.Fee = Eur(2500.00m);
        await RpcAssert.Violations(StatusCode.AlreadyExists, async () => await partner.Gigs.RecordFeeReceivedAsync(otherFee), "request_id");
        Assert.Equal(settled.Settlement, (await partner.Gigs.GetGigAsync(new GetGigRequest { GigId = gig.GigId })).Settlement);
        await AssertSettledOnceAsync(world, gig.GigId, settled.Settlement, expenses: 0m);
    }

    /// <summary>Proves 20 concurrent identical RecordFeeReceived calls all succeed with one settlement and the ledger holds it once.</summary>
    [Fact]
    public async Task Concurrent_duplicate_fee_records_settle_once()
    {
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var gig = await partner.Gigs.RegisterGigAsync(world.Gig(2000.00m, Day(2026, 5, 1)));
        await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = gig.GigId });
        var fee = new RecordFeeReceivedRequest { RequestId = NewRequestId(), GigId = gig.GigId, Fee = Eur(2000.00m) };
        var before = await SettledLedgerAsync(Treasurer);

        var answers = await Task.WhenAll(Enumerable.Range(0, DuplicatesCount)
            .Select(_ => Task.Run(async () => await partner.Gigs.RecordFeeReceivedAsync(fee))));

        Assert.All(answers, a => Assert.Equal(GigStatus.Settled, a.Status));
        Assert.Single(answers.Select(a => a.Settlement).Distinct());
        await AssertSettledOnceAsync(world, gig.GigId, answers[0].Settlement, expenses: 0m);
        var after = await SettledLedgerAsync(Treasurer);
        Assert.Equal((before.TransactionCount + 1, before.PostingCount + answers[0].Settlement.Lines.Count),
            (after.TransactionCount, after.PostingCount));
    }

    /// <summary>Proves that of several different fee records racing for one gig (distinct request_ids) exactly one settles it; the others are FAILED_PRECONDITION and no money moves twice.</summary>
    [Fact]
    public async Task Racing_fee_records_with_different_request_ids_settle_once()
    {
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var gig = await partner.Gigs.RegisterGigAsync(world.Gig(2000.00m, Day(2026, 5, 1)));
        await partner.Gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = NewRequestId(), GigId = gig.GigId });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                var settled = await partner.Gigs.RecordFeeReceivedAsync(new RecordFeeReceivedRequest
                {
                    RequestId = NewRequestId(), GigId = gig.GigId, Fee = Eur(2000.00m),
                });
                return (Code: StatusCode.OK, settled.Settlement);
            }
            catch (RpcException e)
            {
                return (Code: e.StatusCode, Settlement: (Settlement?)null);
            }
        })));

        var winner = Assert.Single(outcomes, o => o.Code == StatusCode.OK);
        Assert.All(outcomes.Where(o => o.Code != StatusCode.OK), o => Assert.Equal(StatusCode.FailedPrecondition, o.Code));
        await AssertSettledOnceAsync(world, gig.GigId, winner.Settlement!, expenses: 0m);
    }

    /// <summary>Proves 20 concurrent identical RegisterGig calls without gig_id all get the same derived gig, and the band has one gig.</summary>
    [Fact]
    public async Task Concurrent_duplicate_registrations_without_gig_id_create_one_gig()
    {
        var world = await SeedBandAsync();
        var partner = PartnerOf(world);
        var register = world.Gig(750.00m, Day(2026, 8, 8), world.DuoLineup(), gigId: "");

        var answers = await Task.WhenAll(Enumerable.Range(0, DuplicatesCount)
            .Select(_ => Task.Run(async () => await partner.Gigs.RegisterGigAsync(register))));

        var gigId = Assert.Single(answers.Select(a => a.GigId).Distinct());
        Assert.StartsWith("g-", gigId);
        Assert.Single(answers.Select(a => a.CreateTime).Distinct());
        var listed = await Eventually.Until(
            async () => (await partner.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId })).Gigs,
            gigs => gigs.Count > 0, "the gig listed");
        await Task.Delay(DoubleCountWatch);
        listed = (await partner.Gigs.ListGigsAsync(new ListGigsRequest { BandId = world.BandId })).Gigs;
        Assert.Equal(gigId, Assert.Single(listed).GigId);
    }

    // The settlement of a 2000.00 full-line-up gig reached the ledger exactly once: balances once (and still once a
    // moment after the projection caught up), one transaction in each member's entries, and a balanced ledger.
    // With bob's 80.00 expense: 1710.00 shared 1.5 : 1 : 1 → 732.86, 488.57 (+80.00), 488.57.
    // Without it: 1790.00 → 767.142…, 511.428…, 511.428… → 767.14, 511.43, 511.43 (the members' larger remainders).
    private async Task AssertSettledOnceAsync(BandWorld world, string gigId, Settlement settlement, decimal expenses = 80.00m)
    {
        var expected = expenses == 0m
            ? new Dictionary<string, decimal>
            {
                [world.Leader] = 767.14m, [world.Member] = 511.43m, [world.Member2] = 511.43m, [world.Substitute] = 150.00m,
            }
            : new Dictionary<string, decimal>
            {
                [world.Leader] = 732.86m, [world.Member] = 568.57m, [world.Member2] = 488.57m, [world.Substitute] = 150.00m,
            };
        await WaitForBalancesAsync(Admin, expected);
        await Task.Delay(DoubleCountWatch);
        Assert.Equal(expected.OrderBy(e => e.Key), (await BalancesAsync(Admin, expected)).OrderBy(e => e.Key));
        foreach (var memberId in expected.Keys)
        {
            var entries = await AllEntriesAsync(Admin, memberId);
            Assert.All(entries, e => Assert.Equal($"gigs/{gigId}", e.Reference));
            Assert.Equal(settlement.TransactionId, Assert.Single(entries.Select(e => e.TransactionId).Distinct()));
            Assert.Equal(settlement.Lines.Count(l => l.Account == $"member/{memberId}"), entries.Count);
        }
        AssertBalanced(await CheckLedgerAsync(Treasurer));
    }
}

/// <inheritdoc />
public sealed class SqliteIdempotencyTests(SharedServer shared) : IdempotencyTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewSqliteAsync();
}

/// <inheritdoc />
[Collection(PostgresCollection.Name)]
public sealed class PostgresIdempotencyTests(PostgresFixture postgres, SharedServer shared) : IdempotencyTests(shared)
{
    /// <inheritdoc />
    protected override Task<ServerStorage> NewStorageAsync() => Engines.NewPostgresAsync(postgres);
}
