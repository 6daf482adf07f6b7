using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using MusicCollective.Actors.Hosting;
using MusicCollective.Api.V1;
using MusicCollective.Domain.Bands;
using MusicCollective.Grpc.Auth;
using MusicCollective.Grpc.Errors;
using MusicCollective.Grpc.Mapping;
using MusicCollective.ReadModel;
using Domain = MusicCollective.Domain;

namespace MusicCollective.Grpc.Services;

/// <summary>BandService: admins keep bands, memberships, split policies and partner authorisations.</summary>
[Authorize]
public sealed class BandGrpcService(EntityGateway entities, IReadModelStore readModel) : BandService.BandServiceBase
{
    /// <inheritdoc />
    public override Task<Band> CreateBand(CreateBandRequest request, ServerCallContext context) =>
        AdminChange(request, context, stamp => new Domain.Bands.CreateBand(stamp, request.BandId, request.Name));

    /// <inheritdoc />
    public override async Task<Band> GetBand(GetBandRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        RequestIds.Require((request.BandId, "band_id"));
        var band = (await entities.AskAsync(new Domain.Bands.GetBand(request.BandId), context.CancellationToken)).OrThrow();
        AccessDenied.Unless(BandAccess.CanRead(caller, band));
        if (!band.Exists) throw GrpcErrors.NotFound("band_id", $"band '{request.BandId}' does not exist");
        return BandMapping.ToProto(band);
    }

    /// <inheritdoc />
    public override async Task<ListBandsResponse> ListBands(ListBandsRequest request, ServerCallContext context)
    {
        AccessDenied.Unless(Caller.From(context).IsOfficer);
        var page = await readModel.ListBandsAsync(Pages.SizeOf(request.PageSize), Pages.TokenOf(request.PageToken),
            context.CancellationToken);
        var response = new ListBandsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Bands.AddRange(page.Items.Select(BandMapping.ToProto));
        return response;
    }

    /// <inheritdoc />
    public override async Task<Band> AddBandMember(AddBandMemberRequest request, ServerCallContext context)
    {
        AccessDenied.Unless(Caller.From(context).IsAdmin);
        RequestIds.Require((request.BandId, "band_id"), (request.MemberId, "member_id"));
        var member = (await entities.AskAsync(new Domain.Members.GetMember(request.MemberId), context.CancellationToken)).OrThrow();
        if (!member.Exists) throw GrpcErrors.FailedPrecondition("member_id", $"member '{request.MemberId}' is not registered");
        var joinedOn = ProtoDates.ToDateOnly(request.JoinedOn, "joined_on");
        return await AdminChange(request, context,
            stamp => new Domain.Bands.AddBandMember(stamp, request.BandId, request.MemberId, request.Role, joinedOn));
    }

    /// <inheritdoc />
    public override Task<Band> RemoveBandMember(RemoveBandMemberRequest request, ServerCallContext context) =>
        AdminChange(request, context, stamp =>
        {
            RequestIds.Require((request.BandId, "band_id"), (request.MemberId, "member_id"));
            return new Domain.Bands.RemoveBandMember(stamp, request.BandId, request.MemberId,
                ProtoDates.ToDateOnly(request.LeftOn, "left_on"));
        });

    /// <inheritdoc />
    public override Task<Band> PublishSplitPolicy(PublishSplitPolicyRequest request, ServerCallContext context) =>
        AdminChange(request, context, stamp => new Domain.Bands.PublishSplitPolicy(stamp, request.BandId,
            BandMapping.ToData(request.Policy)));

    /// <inheritdoc />
    public override Task<Band> AuthorizePartner(AuthorizePartnerRequest request, ServerCallContext context) =>
        AdminChange(request, context, stamp =>
        {
            RequestIds.Require((request.BandId, "band_id"), (request.PartnerId, "partner_id"));
            return new Domain.Bands.AuthorizePartner(stamp, request.BandId, request.PartnerId);
        });

    /// <inheritdoc />
    public override Task<Band> RevokePartner(RevokePartnerRequest request, ServerCallContext context) =>
        AdminChange(request, context, stamp =>
        {
            // A malformed partner id is a bad request, not "that partner is not authorised".
            RequestIds.Require((request.BandId, "band_id"), (request.PartnerId, "partner_id"));
            return new Domain.Bands.RevokePartner(stamp, request.BandId, request.PartnerId);
        });

    // Every band change is an admin's: check the role, stamp the request, send the command, map the answer.
    private async Task<Band> AdminChange(Google.Protobuf.IMessage request, ServerCallContext context,
        Func<Domain.Entities.RequestStamp, BandCommand> command)
    {
        var caller = Caller.From(context);
        AccessDenied.Unless(caller.IsAdmin);
        var stamp = RequestStamps.Of(request, caller);
        var bandCommand = command(stamp);
        RequestIds.Require((bandCommand.BandId, "band_id"));
        var reply = await entities.AskAsync(bandCommand, context.CancellationToken);
        return BandMapping.ToProto(reply.OrThrow());
    }
}
