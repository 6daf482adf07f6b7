using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using MusicCollective.Actors.Hosting;
using MusicCollective.Api.V1;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Monetary;
using MusicCollective.Domain.Policies;
using MusicCollective.Grpc.Auth;
using MusicCollective.Grpc.Errors;
using MusicCollective.Grpc.Mapping;
using MusicCollective.ReadModel;
using Domain = MusicCollective.Domain;

namespace MusicCollective.Grpc.Services;

/// <summary>
/// GigService: a band's members, the partner apps it authorised, and admins register gigs and record what happened;
/// recording the fee received settles the gig by the band's split policy in force on the gig's date.
/// </summary>
[Authorize]
public sealed class GigGrpcService(EntityGateway entities, IReadModelStore readModel, KnownGigs known)
    : GigService.GigServiceBase
{
    /// <inheritdoc />
    public override async Task<Gig> RegisterGig(RegisterGigRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var band = await ManageableBand(caller, request.BandId, context);
        var stamp = RequestStamps.Of(request, caller);
        // Every bad field is named at once (DOMAIN.md, Bad input): the conversions, the gig's own rules (the same ones
        // the entity applies) and the line-up against the band are all checked before anything is refused.
        var errors = new List<Domain.Errors.DomainError>();
        if (!string.IsNullOrEmpty(request.GigId)) EntityIds.Check(request.GigId, "gig_id", errors);
        TextRules.Check(request.Venue, "venue", GigState.TextLengthMax, errors);
        var hasDate = FieldErrors.TryConvert(() => ProtoDates.ToDateOnly(request.Date, "date"), errors, out var date);
        if (hasDate) GigRules.CheckDate(date, "date", errors);
        if (FieldErrors.TryConvert(() => ProtoMoney.ToData(request.AgreedFee, "agreed_fee"), errors, out var fee))
        {
            GigRules.CheckFee(fee, Currency.Of(fee.Currency), "agreed_fee", errors);
        }
        var lineup = GigMapping.ToData(request.Lineup);
        GigRules.CheckLineup(lineup, errors);
        if (hasDate) errors.AddRange(LineupRules.CheckAgainstBand(band, date, lineup));
        if (errors.Count > 0) throw GrpcErrors.InvalidArgument(errors);
        var gigId = string.IsNullOrEmpty(request.GigId) ? RequestStamps.DerivedGigId(caller, stamp.RequestId) : request.GigId;
        var command = new Domain.Gigs.RegisterGig(stamp, gigId, request.BandId, request.Venue, date, fee, lineup,
            $"{caller.Role}/{caller.Subject}");
        return await Send(command, context);
    }

    /// <inheritdoc />
    public override async Task<Gig> SetLineup(SetLineupRequest request, ServerCallContext context)
    {
        var (caller, home, band) = await ManageableGig(request.GigId, context);
        var lineup = GigMapping.ToData(request.Lineup);
        var lineupErrors = LineupRules.CheckAgainstBand(band, home.Date, lineup);
        if (lineupErrors.Count > 0) throw GrpcErrors.InvalidArgument(lineupErrors);
        return await Send(new Domain.Gigs.SetLineup(RequestStamps.Of(request, caller), request.GigId, lineup), context);
    }

    /// <inheritdoc />
    public override async Task<Gig> AddExpense(AddExpenseRequest request, ServerCallContext context)
    {
        var (caller, _, _) = await ManageableGig(request.GigId, context);
        var expense = GigMapping.ToData(request.Expense);
        return await Send(new Domain.Gigs.AddExpense(RequestStamps.Of(request, caller), request.GigId, expense), context);
    }

    /// <inheritdoc />
    public override async Task<Gig> MarkPerformed(MarkPerformedRequest request, ServerCallContext context)
    {
        var (caller, _, _) = await ManageableGig(request.GigId, context);
        return await Send(new Domain.Gigs.MarkPerformed(RequestStamps.Of(request, caller), request.GigId), context);
    }

    /// <inheritdoc />
    public override async Task<Gig> RecordFeeReceived(RecordFeeReceivedRequest request, ServerCallContext context)
    {
        var (caller, home, band) = await ManageableGig(request.GigId, context);
        var stamp = RequestStamps.Of(request, caller);
        var fee = ProtoMoney.ToData(request.Fee, "fee");
        var command = new Domain.Gigs.RecordFeeReceived(stamp, request.GigId, fee, PolicyInForce(band, home, "fee"));
        return await Send(command, context);
    }

    /// <inheritdoc />
    public override async Task<Gig> CancelGig(CancelGigRequest request, ServerCallContext context)
    {
        var (caller, home, band) = await ManageableGig(request.GigId, context);
        var stamp = RequestStamps.Of(request, caller);
        var killFee = ProtoMoney.ToOptionalData(request.KillFee, "kill_fee");
        var policy = killFee is { MinorUnits: > 0 } ? PolicyInForce(band, home, "kill_fee") : null;
        return await Send(new Domain.Gigs.CancelGig(stamp, request.GigId, request.Reason, killFee, policy), context);
    }

    /// <inheritdoc />
    public override async Task<Gig> GetGig(GetGigRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        RequestIds.Require((request.GigId, "gig_id"));
        var gig = await AskGig(request.GigId, context);
        var band = gig.Exists ? await Band(gig.BandId, context) : BandState.Initial("");
        AccessDenied.Unless(BandAccess.CanRead(caller, band));
        if (!gig.Exists) throw GrpcErrors.NotFound("gig_id", $"gig '{request.GigId}' does not exist");
        return GigMapping.ToProto(gig);
    }

    /// <inheritdoc />
    public override async Task<ListGigsResponse> ListGigs(ListGigsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        RequestIds.Require((request.BandId, "band_id"));
        var band = await Band(request.BandId, context);
        AccessDenied.Unless(BandAccess.CanRead(caller, band));
        var page = await readModel.ListGigsAsync(request.BandId, Pages.SizeOf(request.PageSize),
            Pages.TokenOf(request.PageToken), context.CancellationToken);
        var response = new ListGigsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Gigs.AddRange(page.Items.Select(GigMapping.ToProto));
        return response;
    }

    private async Task<Gig> Send(GigCommand command, ServerCallContext context) =>
        GigMapping.ToProto(known.Remember((await entities.AskAsync(command, context.CancellationToken)).OrThrow()));

    private async Task<BandState> Band(string bandId, ServerCallContext context) =>
        EntityIds.IsValid(bandId)
            ? (await entities.AskAsync(new Domain.Bands.GetBand(bandId), context.CancellationToken)).OrThrow()
            : BandState.Initial(bandId);

    // The band, if the caller may manage its gigs. Anyone else learns nothing, not even whether the band exists.
    // A malformed id is refused first: it names nothing that could exist, so refusing it reveals nothing.
    private async Task<BandState> ManageableBand(Caller caller, string bandId, ServerCallContext context)
    {
        RequestIds.Require((bandId, "band_id"));
        var band = await Band(bandId, context);
        AccessDenied.Unless(BandAccess.CanManageGigs(caller, band));
        if (!band.Exists) throw GrpcErrors.NotFound("band_id", $"band '{bandId}' does not exist");
        return band;
    }

    // The gig's band and date, if the caller may manage the gig: its band's members, partners and admins.
    private async Task<(Caller Caller, GigHome Home, BandState Band)> ManageableGig(string gigId, ServerCallContext context)
    {
        var caller = Caller.From(context);
        RequestIds.Require((gigId, "gig_id"));
        var home = await HomeOf(gigId, context);
        var band = home is null ? BandState.Initial("") : await Band(home.BandId, context);
        AccessDenied.Unless(BandAccess.CanManageGigs(caller, band));
        if (home is null) throw GrpcErrors.NotFound("gig_id", $"gig '{gigId}' does not exist");
        return (caller, home, band);
    }

    // The gig's band and date, remembered or asked of the gig; null if the gig does not exist.
    private async Task<GigHome?> HomeOf(string gigId, ServerCallContext context)
    {
        if (known.TryGet(gigId, out var home)) return home;
        var gig = await AskGig(gigId, context);
        return gig.Exists ? GigHome.Of(gig) : null;
    }

    // The gig as its entity has it now; its band and date are remembered if it exists.
    private async Task<GigState> AskGig(string gigId, ServerCallContext context) =>
        known.Remember((await entities.AskAsync(new Domain.Gigs.GetGig(gigId), context.CancellationToken)).OrThrow());

    private static SplitPolicyData PolicyInForce(BandState band, GigHome gig, string field) =>
        band.PolicyVersions.LastOrDefault(p => p.EffectiveFrom <= gig.Date)
        ?? throw GrpcErrors.FailedPrecondition(field,
            $"band '{band.BandId}' has no split policy in force on {gig.Date:yyyy-MM-dd}; publish one first");
}
