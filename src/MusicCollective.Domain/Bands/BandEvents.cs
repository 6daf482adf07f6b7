using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Bands;

/// <summary>Something that happened to a band. Stored forever: fields are only ever added, never changed.</summary>
public abstract record BandEvent(string BandId, string RequestId, string PayloadHash, DateTimeOffset Time)
    : Entities.IRequestEvent;

/// <summary>A band was registered.</summary>
public sealed record BandCreated(string BandId, string RequestId, string PayloadHash, DateTimeOffset Time, string Name)
    : BandEvent(BandId, RequestId, PayloadHash, Time);

/// <summary>A member joined the band.</summary>
public sealed record BandMemberAdded(string BandId, string RequestId, string PayloadHash, DateTimeOffset Time,
    string MemberId, string Role, DateOnly JoinedOn) : BandEvent(BandId, RequestId, PayloadHash, Time);

/// <summary>A member left the band.</summary>
public sealed record BandMemberRemoved(string BandId, string RequestId, string PayloadHash, DateTimeOffset Time,
    string MemberId, DateOnly LeftOn) : BandEvent(BandId, RequestId, PayloadHash, Time);

/// <summary>A new split policy version was published.</summary>
public sealed record SplitPolicyPublished(string BandId, string RequestId, string PayloadHash, DateTimeOffset Time,
    SplitPolicyData Policy) : BandEvent(BandId, RequestId, PayloadHash, Time);

/// <summary>A partner app was authorised.</summary>
public sealed record PartnerAuthorized(string BandId, string RequestId, string PayloadHash, DateTimeOffset Time,
    string PartnerId) : BandEvent(BandId, RequestId, PayloadHash, Time);

/// <summary>A partner app's authorisation was withdrawn.</summary>
public sealed record PartnerRevoked(string BandId, string RequestId, string PayloadHash, DateTimeOffset Time,
    string PartnerId) : BandEvent(BandId, RequestId, PayloadHash, Time);
