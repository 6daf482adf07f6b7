using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Bands;

/// <summary>Routes a message to one band entity.</summary>
public interface IWithBandId
{
    /// <summary>The band the message is for.</summary>
    string BandId { get; }
}

/// <summary>A command to a band entity.</summary>
public abstract record BandCommand(string BandId) : IWithBandId;

/// <summary>Registers a band.</summary>
public sealed record CreateBand(RequestStamp Stamp, string BandId, string Name) : BandCommand(BandId), IStamped;

/// <summary>Adds a member in a role from a date.</summary>
public sealed record AddBandMember(RequestStamp Stamp, string BandId, string MemberId, string Role, DateOnly JoinedOn)
    : BandCommand(BandId), IStamped;

/// <summary>Records that a member left on a date.</summary>
public sealed record RemoveBandMember(RequestStamp Stamp, string BandId, string MemberId, DateOnly LeftOn)
    : BandCommand(BandId), IStamped;

/// <summary>Publishes the next split policy version.</summary>
public sealed record PublishSplitPolicy(RequestStamp Stamp, string BandId, SplitPolicyData Policy) : BandCommand(BandId), IStamped;

/// <summary>Lets a partner app register gigs for the band.</summary>
public sealed record AuthorizePartner(RequestStamp Stamp, string BandId, string PartnerId) : BandCommand(BandId), IStamped;

/// <summary>Withdraws a partner app's authorisation.</summary>
public sealed record RevokePartner(RequestStamp Stamp, string BandId, string PartnerId) : BandCommand(BandId), IStamped;

/// <summary>Asks for the band's state.</summary>
public sealed record GetBand(string BandId) : BandCommand(BandId);
