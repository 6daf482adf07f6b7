using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Bands;

/// <summary>The band entity's pure behaviour: decide on commands, apply events.</summary>
public static class BandBehavior
{
    /// <summary>Decides what a command does to the band.</summary>
    public static Decision<BandEvent> Process(this BandState state, BandCommand command, DateTimeOffset now)
    {
        var stamp = command is IStamped stamped
            ? stamped.Stamp
            : throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a mutating band command");
        if (RequestGate.Check<BandEvent>(state.Requests, stamp) is { } gate) return gate;
        if (command is CreateBand create) return Create(state, create, now);
        if (!state.Exists) return Decision<BandEvent>.Reject(Rejection.NotFound("band_id", $"band '{command.BandId}'"));
        return command switch
        {
            AddBandMember add => AddMember(state, add, now),
            RemoveBandMember remove => RemoveMember(state, remove, now),
            PublishSplitPolicy publish => Publish(state, publish, now),
            AuthorizePartner authorize => Authorize(state, authorize, now),
            RevokePartner revoke => state.AuthorizedPartners.Contains(revoke.PartnerId)
                ? Decision<BandEvent>.Accept(new PartnerRevoked(state.BandId, stamp.RequestId, stamp.PayloadHash, now, revoke.PartnerId))
                : Decision<BandEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.Required, "partner_id",
                    $"partner '{revoke.PartnerId}' is not authorised for this band"),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a mutating band command"),
        };
    }

    /// <summary>Applies an event; total over all band events, never reads a clock.</summary>
    public static BandState Apply(this BandState state, BandEvent @event)
    {
        var next = @event switch
        {
            BandCreated created => state with { Exists = true, Name = created.Name, CreateTime = created.Time },
            BandMemberAdded added => state with
            {
                Memberships = state.Memberships.Add(new Membership(added.MemberId, added.Role, added.JoinedOn, null)),
            },
            BandMemberRemoved removed => state with
            {
                Memberships = state.Memberships.Select(m => m.MemberId == removed.MemberId && m.LeftOn is null
                    ? m with { LeftOn = removed.LeftOn } : m).ToImmutableListFast(),
            },
            SplitPolicyPublished published => state with { PolicyVersions = state.PolicyVersions.Add(published.Policy) },
            PartnerAuthorized authorized => state with { AuthorizedPartners = state.AuthorizedPartners.Add(authorized.PartnerId) },
            PartnerRevoked revoked => state with { AuthorizedPartners = state.AuthorizedPartners.Remove(revoked.PartnerId) },
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "unknown band event"),
        };
        return next with { Requests = next.Requests.Record(new RequestStamp(@event.RequestId, @event.PayloadHash)) };
    }

    private static Decision<BandEvent> Create(BandState state, CreateBand create, DateTimeOffset now)
    {
        if (state.Exists)
        {
            return Decision<BandEvent>.Reject(RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "band_id",
                $"band '{create.BandId}' already exists");
        }
        var errors = new List<DomainError>();
        EntityIds.Check(create.BandId, "band_id", errors);
        TextRules.Check(create.Name, "name", BandState.NameLengthMax, errors);
        return errors.Count > 0
            ? Decision<BandEvent>.Reject(new Rejection(RejectionKind.InvalidArgument, errors))
            : Decision<BandEvent>.Accept(new BandCreated(create.BandId, create.Stamp.RequestId, create.Stamp.PayloadHash, now, create.Name));
    }

    private static Decision<BandEvent> AddMember(BandState state, AddBandMember add, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        EntityIds.Check(add.MemberId, "member_id", errors);
        TextRules.Check(add.Role, "role", EntityIds.LengthMax, errors);
        if (errors.Count > 0) return Decision<BandEvent>.Reject(new Rejection(RejectionKind.InvalidArgument, errors));
        if (state.HasCurrentMember(add.MemberId))
        {
            return Decision<BandEvent>.Reject(RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "member_id",
                $"'{add.MemberId}' is already a member of the band");
        }
        if (state.Memberships.Count >= BandState.MembershipsMax)
        {
            return Decision<BandEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.LimitExceeded, "member_id",
                $"a band keeps at most {BandState.MembershipsMax} memberships");
        }
        return Decision<BandEvent>.Accept(new BandMemberAdded(state.BandId, add.Stamp.RequestId, add.Stamp.PayloadHash, now,
            add.MemberId, add.Role, add.JoinedOn));
    }

    private static Decision<BandEvent> RemoveMember(BandState state, RemoveBandMember remove, DateTimeOffset now)
    {
        var current = state.Memberships.FirstOrDefault(m => m.MemberId == remove.MemberId && m.LeftOn is null);
        if (current is null)
        {
            return Decision<BandEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.NotABandMember, "member_id",
                $"'{remove.MemberId}' is not a current member of the band");
        }
        if (remove.LeftOn < current.JoinedOn)
        {
            return Decision<BandEvent>.Reject(RejectionKind.InvalidArgument, DomainErrorCode.OutOfRange, "left_on",
                $"cannot leave before joining on {current.JoinedOn:yyyy-MM-dd}");
        }
        return Decision<BandEvent>.Accept(new BandMemberRemoved(state.BandId, remove.Stamp.RequestId, remove.Stamp.PayloadHash,
            now, remove.MemberId, remove.LeftOn));
    }

    private static Decision<BandEvent> Publish(BandState state, PublishSplitPolicy publish, DateTimeOffset now)
    {
        try
        {
            state.PolicyHistory().Add(publish.Policy.ToPolicy());
        }
        catch (DomainException exception)
        {
            var errors = exception.Errors.Select(e => e with { Field = $"policy.{e.Field}" }).ToArray();
            return Decision<BandEvent>.Reject(new Rejection(RejectionKind.InvalidArgument, errors));
        }
        return Decision<BandEvent>.Accept(new SplitPolicyPublished(state.BandId, publish.Stamp.RequestId,
            publish.Stamp.PayloadHash, now, publish.Policy));
    }

    private static Decision<BandEvent> Authorize(BandState state, AuthorizePartner authorize, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        EntityIds.Check(authorize.PartnerId, "partner_id", errors);
        if (errors.Count > 0) return Decision<BandEvent>.Reject(new Rejection(RejectionKind.InvalidArgument, errors));
        if (state.AuthorizedPartners.Contains(authorize.PartnerId))
        {
            return Decision<BandEvent>.Reject(RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "partner_id",
                $"partner '{authorize.PartnerId}' is already authorised");
        }
        if (state.AuthorizedPartners.Count >= BandState.PartnersMax)
        {
            return Decision<BandEvent>.Reject(RejectionKind.FailedPrecondition, DomainErrorCode.LimitExceeded, "partner_id",
                $"a band may authorise at most {BandState.PartnersMax} partners");
        }
        return Decision<BandEvent>.Accept(new PartnerAuthorized(state.BandId, authorize.Stamp.RequestId,
            authorize.Stamp.PayloadHash, now, authorize.PartnerId));
    }

    private static System.Collections.Immutable.ImmutableList<T> ToImmutableListFast<T>(this IEnumerable<T> items) =>
        System.Collections.Immutable.ImmutableList.CreateRange(items);
}
