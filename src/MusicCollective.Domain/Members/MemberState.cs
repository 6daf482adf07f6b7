using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Members;

/// <summary>A member as its entity knows it. <see cref="Exists"/> is false until <see cref="MemberCreated"/>.</summary>
public sealed record MemberState : IEntityState
{
    /// <summary>Longest display name or e-mail address.</summary>
    public const int TextLengthMax = 200;

    /// <summary>The state before any event.</summary>
    public static MemberState Initial(string memberId) => new() { MemberId = memberId };

    /// <summary>The member's id.</summary>
    public string MemberId { get; init; } = "";

    /// <summary>True once registered.</summary>
    public bool Exists { get; init; }

    /// <summary>Name shown on statements.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>Contact address.</summary>
    public string Email { get; init; } = "";

    /// <summary>Where payouts go; null until the member gives them.</summary>
    public PayoutDetailsData? PayoutDetails { get; init; }

    /// <summary>When the member was registered.</summary>
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>Request ids already applied.</summary>
    public IdempotencyLog Requests { get; init; } = IdempotencyLog.Empty;
}

/// <summary>The member entity's pure behaviour: decide on commands, apply events.</summary>
public static class MemberBehavior
{
    /// <summary>Decides what a command does to the member.</summary>
    public static Decision<MemberEvent> Process(this MemberState state, MemberCommand command, DateTimeOffset now)
    {
        if (command is IStamped stamped && RequestGate.Check<MemberEvent>(state.Requests, stamped.Stamp) is { } gate) return gate;
        switch (command)
        {
            case CreateMember create:
                if (state.Exists)
                {
                    return Decision<MemberEvent>.Reject(RejectionKind.AlreadyExists, DomainErrorCode.Duplicate,
                        "member_id", $"member '{create.MemberId}' already exists");
                }
                return ValidateProfile(create.MemberId, create.DisplayName, create.Email, null) is { } createErrors
                    ? Decision<MemberEvent>.Reject(createErrors)
                    : Decision<MemberEvent>.Accept(new MemberCreated(create.MemberId, create.Stamp.RequestId,
                        create.Stamp.PayloadHash, now, create.DisplayName, create.Email));
            case UpdateMember update:
                if (!state.Exists) return Decision<MemberEvent>.Reject(Rejection.NotFound("member_id", $"member '{update.MemberId}'"));
                return ValidateProfile(update.MemberId, update.DisplayName, update.Email, update.PayoutDetails) is { } updateErrors
                    ? Decision<MemberEvent>.Reject(updateErrors)
                    : Decision<MemberEvent>.Accept(new MemberUpdated(update.MemberId, update.Stamp.RequestId,
                        update.Stamp.PayloadHash, now, update.DisplayName, update.Email,
                        update.PayoutDetails ?? state.PayoutDetails));
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a mutating member command");
        }
    }

    /// <summary>Applies an event; total over all member events, never reads a clock.</summary>
    public static MemberState Apply(this MemberState state, MemberEvent @event) => @event switch
    {
        MemberCreated created => state with
        {
            Exists = true,
            DisplayName = created.DisplayName,
            Email = created.Email,
            CreateTime = created.Time,
            Requests = state.Requests.Record(new RequestStamp(created.RequestId, created.PayloadHash)),
        },
        MemberUpdated updated => state with
        {
            DisplayName = updated.DisplayName,
            Email = updated.Email,
            PayoutDetails = updated.PayoutDetails,
            Requests = state.Requests.Record(new RequestStamp(updated.RequestId, updated.PayloadHash)),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "unknown member event"),
    };

    private static Rejection? ValidateProfile(string memberId, string displayName, string email, PayoutDetailsData? payout)
    {
        var errors = new List<DomainError>();
        EntityIds.Check(memberId, "member_id", errors);
        TextRules.Check(displayName, "display_name", MemberState.TextLengthMax, errors);
        TextRules.Check(email, "email", MemberState.TextLengthMax, errors);
        if (!string.IsNullOrEmpty(email) && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new(DomainErrorCode.OutOfRange, "email", "an e-mail address contains '@'"));
        }
        if (payout is not null)
        {
            TextRules.Check(payout.AccountHolder, "payout_details.account_holder", MemberState.TextLengthMax, errors);
            if (!Iban.IsValid(payout.Iban))
            {
                errors.Add(new(DomainErrorCode.OutOfRange, "payout_details.iban", "not a valid IBAN (check digits must verify)"));
            }
        }
        return errors.Count == 0 ? null : new Rejection(RejectionKind.InvalidArgument, errors);
    }
}
