namespace MusicCollective.Api.Tests.BadInput;

public abstract partial class BadInputTests
{
    /// <summary>Proves CreateBand and GetBand refuse a missing request_id, malformed band ids and a blank name, naming each, and create no band.</summary>
    [Fact]
    public async Task CreateBand_and_GetBand_name_every_bad_field_and_store_nothing()
    {
        var bandId = NewId("band");
        await RpcAssert.InvalidArgument(async () =>
            await Admin.Bands.CreateBandAsync(new CreateBandRequest { BandId = bandId, Name = "No Request Id" }), "request_id");
        await RpcAssert.InvalidArgument(async () =>
            await Admin.Bands.CreateBandAsync(new CreateBandRequest { RequestId = NewRequestId(), BandId = MalformedId, Name = "Bad Id" }), "band_id");
        await RpcAssert.InvalidArgument(async () =>
            await Admin.Bands.CreateBandAsync(new CreateBandRequest { RequestId = NewRequestId(), BandId = bandId, Name = "  " }), "name");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = MalformedId }), "band_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.GetBandAsync(new GetBandRequest()), "band_id");

        await RpcAssert.Fails(StatusCode.NotFound, async () => await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = bandId }));
    }

    /// <summary>Proves AddBandMember and RemoveBandMember refuse a missing request_id, malformed ids, impossible and missing dates and a blank role, naming each, and the line-up of members is unchanged.</summary>
    [Fact]
    public async Task Band_membership_changes_name_every_bad_field_and_change_nothing()
    {
        var world = await SeedBandAsync();
        var newcomer = NewId("hal");
        await CreateMemberAsync(Admin, newcomer);
        var before = await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId });

        AddBandMemberRequest Add() => new()
        {
            RequestId = NewRequestId(), BandId = world.BandId, MemberId = newcomer, Role = "member", JoinedOn = Day(2026, 1, 1),
        };
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.AddBandMemberAsync(Add().Also(r => r.RequestId = "")), "request_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.AddBandMemberAsync(Add().Also(r => r.BandId = MalformedId)), "band_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.AddBandMemberAsync(Add().Also(r => r.MemberId = MalformedId)), "member_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.AddBandMemberAsync(Add().Also(r => r.JoinedOn = Day(2026, 2, 30))), "joined_on");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.AddBandMemberAsync(Add().Also(r => r.JoinedOn = null)), "joined_on");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.AddBandMemberAsync(Add().Also(r => r.Role = "")), "role");

        RemoveBandMemberRequest Remove() => new()
        {
            RequestId = NewRequestId(), BandId = world.BandId, MemberId = world.Member2, LeftOn = Day(2026, 3, 1),
        };
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.RemoveBandMemberAsync(Remove().Also(r => r.RequestId = "")), "request_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.RemoveBandMemberAsync(Remove().Also(r => r.LeftOn = Day(2026, 2, 30))), "left_on");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.RemoveBandMemberAsync(Remove().Also(r => r.LeftOn = Day(2019, 12, 31))), "left_on");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.RemoveBandMemberAsync(Remove().Also(r => r.MemberId = MalformedId)), "member_id");

        Assert.Equal(before, await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId }));
    }

    /// <summary>Proves PublishSplitPolicy refuses rates "1.0", "abc" and negative, weight "0", a fixed fee with too many decimals or an unknown currency, impossible dates, a skipped version and a missing policy or request_id, naming each; no version is added.</summary>
    [Fact]
    public async Task PublishSplitPolicy_names_every_bad_field_and_adds_no_version()
    {
        var world = await SeedBandAsync();
        var before = await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId });

        PublishSplitPolicyRequest Next(Action<SplitPolicy> change)
        {
            var policy = BandWorld.StandardPolicy();
            policy.Version = 2;
            policy.EffectiveFrom = Day(2026, 1, 1);
            change(policy);
            return new PublishSplitPolicyRequest { RequestId = NewRequestId(), BandId = world.BandId, Policy = policy };
        }
        async Task Refused(PublishSplitPolicyRequest request, params string[] fields) =>
            await RpcAssert.InvalidArgument(async () => await Admin.Bands.PublishSplitPolicyAsync(request), fields);

        await Refused(Next(p => p.GigFundRate = "1.0"), "policy.gig_fund_rate");
        await Refused(Next(p => p.GigFundRate = "abc"), "policy.gig_fund_rate");
        await Refused(Next(p => p.RoyaltyFundRate = "-0.1"), "policy.royalty_fund_rate");
        await Refused(Next(p => p.GigFundRate = "0.0000001"), "policy.gig_fund_rate");
        await Refused(Next(p => p.RoleWeights[0].Weight = "0"), "policy.role_weights[0].weight");
        await Refused(Next(p => p.RoleWeights[1].Weight = "-1"), "policy.role_weights[1].weight");
        await Refused(Next(p => p.RoleWeights[1].Weight = "1e3"), "policy.role_weights[1].weight");
        await Refused(Next(p => p.RoleWeights.Clear()), "policy.role_weights");
        await Refused(Next(p => p.RoleWeights[1].Role = "leader"), "policy.role_weights[1].role");
        await Refused(Next(p => p.FixedFees[0].Amount = new Google.Type.Money { CurrencyCode = "EUR", Units = 12, Nanos = 305_000_000 }),
            "policy.fixed_fees[0].amount");
        await Refused(Next(p => p.FixedFees[0].Amount = Of("XYZ", 150.00m)), "policy.fixed_fees[0].amount.currency_code");
        await Refused(Next(p => p.FixedFees[0].Amount = Eur(-150.00m)), "policy.fixed_fees[0].amount");
        await Refused(Next(p => p.EffectiveFrom = Day(2026, 2, 30)), "policy.effective_from");
        await Refused(Next(p => p.EffectiveFrom = Day(2019, 1, 1)), "policy.effective_from");
        await Refused(Next(p => p.Version = 3), "policy.version");
        await Refused(Next(p => p.Name = ""), "policy.name");
        await Refused(Next(p => { p.GigFundRate = "1.5"; p.RoleWeights[0].Weight = "0"; }), "policy.gig_fund_rate", "policy.role_weights[0].weight");
        await Refused(new PublishSplitPolicyRequest { RequestId = NewRequestId(), BandId = world.BandId }, "policy");
        await Refused(Next(_ => { }).Also(r => r.RequestId = ""), "request_id");

        Assert.Equal(before, await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId }));
        // The refused requests left the sequence intact: version 2 is still the next one.
        await Admin.Bands.PublishSplitPolicyAsync(Next(_ => { }));
    }

    /// <summary>Proves AuthorizePartner and RevokePartner refuse a missing request_id and a malformed partner_id, naming each, and the authorisations are unchanged.</summary>
    [Fact]
    public async Task Partner_authorisation_changes_name_every_bad_field_and_change_nothing()
    {
        var world = await SeedBandAsync();
        var before = await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId });

        await RpcAssert.InvalidArgument(async () => await Admin.Bands.AuthorizePartnerAsync(new AuthorizePartnerRequest
        {
            BandId = world.BandId, PartnerId = NewId("partner"),
        }), "request_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.AuthorizePartnerAsync(new AuthorizePartnerRequest
        {
            RequestId = NewRequestId(), BandId = world.BandId, PartnerId = MalformedId,
        }), "partner_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.RevokePartnerAsync(new RevokePartnerRequest
        {
            BandId = world.BandId, PartnerId = world.PartnerId,
        }), "request_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.RevokePartnerAsync(new RevokePartnerRequest
        {
            RequestId = NewRequestId(), BandId = world.BandId, PartnerId = MalformedId,
        }), "partner_id");
        await RpcAssert.InvalidArgument(async () => await Admin.Bands.RevokePartnerAsync(new RevokePartnerRequest
        {
            RequestId = NewRequestId(), BandId = MalformedId, PartnerId = world.PartnerId,
        }), "band_id");

        Assert.Equal(before, await Admin.Bands.GetBandAsync(new GetBandRequest { BandId = world.BandId }));
    }
}
