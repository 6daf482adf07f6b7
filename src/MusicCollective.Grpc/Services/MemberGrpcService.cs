using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using MusicCollective.Actors.Hosting;
using MusicCollective.Api.V1;
using MusicCollective.Domain.Members;
using MusicCollective.Grpc.Auth;
using MusicCollective.Grpc.Mapping;
using MusicCollective.ReadModel;
using DomainGetMember = MusicCollective.Domain.Members.GetMember;

namespace MusicCollective.Grpc.Services;

/// <summary>MemberService: admins register members; a member reads and updates their own profile.</summary>
[Authorize]
public sealed class MemberGrpcService(EntityGateway entities, IReadModelStore readModel) : MemberService.MemberServiceBase
{
    /// <inheritdoc />
    public override async Task<Member> CreateMember(CreateMemberRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        AccessDenied.Unless(caller.IsAdmin);
        RequestIds.Require((request.MemberId, "member_id"));
        var stamp = RequestStamps.Of(request, caller);
        var reply = await entities.AskAsync(
            new Domain.Members.CreateMember(stamp, request.MemberId, request.DisplayName, request.Email), context.CancellationToken);
        return MemberMapping.ToProto(reply.OrThrow());
    }

    /// <inheritdoc />
    public override async Task<Member> GetMember(GetMemberRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        AccessDenied.Unless(caller.IsOfficer || caller.IsMember(request.MemberId));
        RequestIds.Require((request.MemberId, "member_id"));
        var state = (await entities.AskAsync(new DomainGetMember(request.MemberId), context.CancellationToken)).OrThrow();
        if (!state.Exists) throw Errors.GrpcErrors.NotFound("member_id", $"member '{request.MemberId}' does not exist");
        return MemberMapping.ToProto(state);
    }

    /// <inheritdoc />
    public override async Task<Member> UpdateMember(UpdateMemberRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        AccessDenied.Unless(caller.IsAdmin || caller.IsMember(request.MemberId));
        RequestIds.Require((request.MemberId, "member_id"));
        var stamp = RequestStamps.Of(request, caller);
        var payout = request.PayoutDetails is { } details ? new PayoutDetailsData(details.AccountHolder, details.Iban) : null;
        var reply = await entities.AskAsync(
            new Domain.Members.UpdateMember(stamp, request.MemberId, request.DisplayName, request.Email, payout),
            context.CancellationToken);
        return MemberMapping.ToProto(reply.OrThrow());
    }

    /// <inheritdoc />
    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        AccessDenied.Unless(Caller.From(context).IsOfficer);
        var page = await readModel.ListMembersAsync(Pages.SizeOf(request.PageSize), Pages.TokenOf(request.PageToken),
            context.CancellationToken);
        var response = new ListMembersResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Members.AddRange(page.Items.Select(MemberMapping.ToProto));
        return response;
    }
}
