using MusicCollective.Domain.Entities;

namespace MusicCollective.Domain.Members;

/// <summary>Something that happened to a member. Stored forever: fields are only ever added, never changed.</summary>
public abstract record MemberEvent(string MemberId, string RequestId, string PayloadHash, DateTimeOffset Time)
    : IRequestEvent;

/// <summary>A member was registered.</summary>
public sealed record MemberCreated(string MemberId, string RequestId, string PayloadHash, DateTimeOffset Time,
    string DisplayName, string Email) : MemberEvent(MemberId, RequestId, PayloadHash, Time);

/// <summary>A member's profile or payout details changed.</summary>
public sealed record MemberUpdated(string MemberId, string RequestId, string PayloadHash, DateTimeOffset Time,
    string DisplayName, string Email, PayoutDetailsData? PayoutDetails) : MemberEvent(MemberId, RequestId, PayloadHash, Time);
