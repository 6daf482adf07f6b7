namespace MusicCollective.Api.Tests.BadInput;

public abstract partial class BadInputTests
{
    /// <summary>Proves CreateMember refuses a missing request_id, a malformed member_id, a blank name and an e-mail without '@', naming each, and registers nobody.</summary>
    [Fact]
    public async Task CreateMember_names_every_bad_field_and_stores_nothing()
    {
        CreateMemberRequest Valid() => new()
        {
            RequestId = NewRequestId(), MemberId = NewId("fay"), DisplayName = "Fay", Email = "fay@example.org",
        };

        var noRequestId = Valid();
        noRequestId.RequestId = "";
        await RpcAssert.InvalidArgument(async () => await Admin.Members.CreateMemberAsync(noRequestId), "request_id");
        var longRequestId = Valid();
        longRequestId.RequestId = new string('r', 129);
        await RpcAssert.InvalidArgument(async () => await Admin.Members.CreateMemberAsync(longRequestId), "request_id");
        var malformedId = Valid();
        malformedId.MemberId = MalformedId;
        await RpcAssert.InvalidArgument(async () => await Admin.Members.CreateMemberAsync(malformedId), "member_id");
        var badProfile = Valid();
        badProfile.DisplayName = " ";
        badProfile.Email = "fay.example.org";
        await RpcAssert.InvalidArgument(async () => await Admin.Members.CreateMemberAsync(badProfile), "display_name", "email");

        foreach (var memberId in new[] { noRequestId.MemberId, longRequestId.MemberId, badProfile.MemberId })
        {
            await RpcAssert.Fails(StatusCode.NotFound, async () => await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = memberId }));
        }
        // The refused requests did not use up their ids: the same member can be registered properly afterwards.
        await Admin.Members.CreateMemberAsync(badProfile.Clone().Also(r => { r.DisplayName = "Fay"; r.Email = "fay@example.org"; }));
    }

    /// <summary>Proves GetMember and UpdateMember refuse malformed ids, a missing request_id, a blank name and a bad IBAN, naming each, and the profile is unchanged.</summary>
    [Fact]
    public async Task GetMember_and_UpdateMember_name_every_bad_field_and_change_nothing()
    {
        var memberId = NewId("gus");
        var created = await CreateMemberAsync(Admin, memberId, "Gus");

        await RpcAssert.InvalidArgument(async () => await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = MalformedId }), "member_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Members.GetMemberAsync(new GetMemberRequest()), "member_id");

        UpdateMemberRequest Valid() => new()
        {
            RequestId = NewRequestId(), MemberId = memberId, DisplayName = "Gus Updated", Email = "gus@example.org",
            PayoutDetails = new PayoutDetails { AccountHolder = "Gus", Iban = "NL91ABNA0417164300" },
        };
        var noRequestId = Valid();
        noRequestId.RequestId = "";
        await RpcAssert.InvalidArgument(async () => await Admin.Members.UpdateMemberAsync(noRequestId), "request_id");
        var malformedId = Valid();
        malformedId.MemberId = MalformedId;
        await RpcAssert.InvalidArgument(async () => await Admin.Members.UpdateMemberAsync(malformedId), "member_id");
        var badIban = Valid();
        badIban.PayoutDetails.Iban = "NL00ABNA0417164300";
        badIban.DisplayName = "";
        await RpcAssert.InvalidArgument(async () => await AsMember(memberId).Members.UpdateMemberAsync(badIban),
            "payout_details.iban", "display_name");

        Assert.Equal(created, await Admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = memberId }));
    }

    /// <summary>Proves ListMembers and ListBands refuse page_size -1, a malformed page_token and a token from another list, naming the field.</summary>
    [Fact]
    public async Task List_calls_name_bad_page_size_and_page_token()
    {
        await SeedBandAsync();
        await SeedBandAsync();
        var bandsPage = await Eventually.Until(
            async () => await Admin.Bands.ListBandsAsync(new ListBandsRequest { PageSize = 1 }),
            page => page.NextPageToken != "", "a second page of bands");
        var membersPage = await Admin.Members.ListMembersAsync(new ListMembersRequest { PageSize = 1 });
        Assert.NotEqual("", membersPage.NextPageToken);

        await RpcAssert.InvalidArgument(async () => await Admin.Members.ListMembersAsync(new ListMembersRequest { PageSize = -1 }), "page_size");
        await RpcAssert.InvalidArgument(async () => await Admin.Members.ListMembersAsync(new ListMembersRequest { PageToken = MalformedPageToken }), "page_token");
        await RpcAssert.InvalidArgument(async () => await Admin.Members.ListMembersAsync(new ListMembersRequest { PageToken = bandsPage.NextPageToken }), "page_token");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.ListBandsAsync(new ListBandsRequest { PageSize = -1 }), "page_size");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.ListBandsAsync(new ListBandsRequest { PageToken = MalformedPageToken }), "page_token");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.ListBandsAsync(new ListBandsRequest { PageToken = membersPage.NextPageToken }), "page_token");

        // A page size above the maximum is capped, not refused (AIP-158).
        await Admin.Members.ListMembersAsync(new ListMembersRequest { PageSize = 100_000 });
    }
}
