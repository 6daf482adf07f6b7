using MusicCollective.Domain.Entities;

namespace MusicCollective.Domain.Members;

/// <summary>Routes a message to one member entity.</summary>
public interface IWithMemberId
{
    /// <summary>The member the message is for.</summary>
    string MemberId { get; }
}

/// <summary>A command to a member entity.</summary>
public abstract record MemberCommand(string MemberId) : IWithMemberId;

/// <summary>Registers a member.</summary>
public sealed record CreateMember(RequestStamp Stamp, string MemberId, string DisplayName, string Email)
    : MemberCommand(MemberId), IStamped;

/// <summary>Updates profile and, when given, payout details.</summary>
public sealed record UpdateMember(RequestStamp Stamp, string MemberId, string DisplayName, string Email,
    PayoutDetailsData? PayoutDetails) : MemberCommand(MemberId), IStamped;

/// <summary>Asks for the member's state.</summary>
public sealed record GetMember(string MemberId) : MemberCommand(MemberId);

/// <summary>Where a member's payouts go.</summary>
public sealed record PayoutDetailsData(string AccountHolder, string Iban);
