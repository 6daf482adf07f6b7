namespace MusicCollective.Api.Tests.BadInput;

public abstract partial class BadInputTests
{
    /// <summary>Proves GetBalance and ListEntries refuse malformed or missing member ids, currency XYZ, page_size -1 and malformed page tokens, naming each. (CheckLedger takes no input.)</summary>
    [Fact]
    public async Task AccountService_names_every_bad_field()
    {
        var memberId = NewId("ida");
        await CreateMemberAsync(Admin, memberId);

        await RpcAssert.InvalidArgument(async () => await Admin.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = MalformedId }), "member_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Accounts.GetBalanceAsync(new GetBalanceRequest()), "member_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Accounts.ListEntriesAsync(new ListEntriesRequest { MemberId = MalformedId }), "member_id");
        await RpcAssert.InvalidArgument(async () =>
            await Admin.Accounts.ListEntriesAsync(new ListEntriesRequest { MemberId = memberId, CurrencyCode = "XYZ" }), "currency_code");
        await RpcAssert.InvalidArgument(async () =>
            await AsMember(memberId).Accounts.ListEntriesAsync(new ListEntriesRequest { MemberId = memberId, PageSize = -1 }), "page_size");
        await RpcAssert.InvalidArgument(async () =>
            await AsMember(memberId).Accounts.ListEntriesAsync(new ListEntriesRequest { MemberId = memberId, PageToken = MalformedPageToken }), "page_token");

        // Valid input on the same member works: an empty statement.
        Assert.Empty((await Admin.Accounts.ListEntriesAsync(new ListEntriesRequest { MemberId = memberId, CurrencyCode = "EUR" })).Entries);
        Assert.Empty((await Admin.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = memberId })).Balances);
    }

    /// <summary>Proves DevService refuses a ttl_seconds above 30 days or negative, an unknown role and a malformed member subject, naming each.</summary>
    [Fact]
    public async Task DevService_names_every_bad_field()
    {
        var dev = Server.Anonymous.Dev;
        await RpcAssert.InvalidArgument(async () =>
            await dev.IssueDevTokenAsync(new IssueDevTokenRequest { Role = "admin", TtlSeconds = 30 * 24 * 3600 + 1 }), "ttl_seconds");
        await RpcAssert.InvalidArgument(async () =>
            await dev.IssueDevTokenAsync(new IssueDevTokenRequest { Role = "admin", TtlSeconds = int.MaxValue }), "ttl_seconds");
        await RpcAssert.InvalidArgument(async () =>
            await dev.IssueDevTokenAsync(new IssueDevTokenRequest { Role = "admin", TtlSeconds = -5 }), "ttl_seconds");
        await RpcAssert.InvalidArgument(async () =>
            await dev.IssueDevTokenAsync(new IssueDevTokenRequest { Role = "overlord" }), "role");
        await RpcAssert.InvalidArgument(async () =>
            await dev.IssueDevTokenAsync(new IssueDevTokenRequest { Role = "member", Subject = MalformedId }), "subject");
        // A good request mints a token the server accepts.
        var issued = await dev.IssueDevTokenAsync(new IssueDevTokenRequest { Role = "treasurer", TtlSeconds = 60 });
        Assert.InRange(issued.ExpireTime.ToDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(2));
        await Server.As(issued.Token).Accounts.CheckLedgerAsync(new CheckLedgerRequest());
    }
}
