using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Members;
using MusicCollective.Grpc.Errors;

namespace MusicCollective.Grpc.Services;

/// <summary>Unwraps an entity's reply: its state, or its rejection as a gRPC error.</summary>
public static class Replies
{
    /// <summary>The member's state, or the rejection thrown.</summary>
    public static MemberState OrThrow(this MemberReply reply) =>
        reply.Rejection is { } rejection ? throw GrpcErrors.From(rejection) : reply.State;

    /// <summary>The band's state, or the rejection thrown.</summary>
    public static BandState OrThrow(this BandReply reply) =>
        reply.Rejection is { } rejection ? throw GrpcErrors.From(rejection) : reply.State;

    /// <summary>The gig's state, or the rejection thrown.</summary>
    public static GigState OrThrow(this GigReply reply) =>
        reply.Rejection is { } rejection ? throw GrpcErrors.From(rejection) : reply.State;
}
