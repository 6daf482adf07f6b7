using MusicCollective.Domain.Entities;

namespace MusicCollective.Domain.Gigs;

/// <summary>A gig entity's answer: its state after the command, or why it refused.</summary>
public sealed record GigReply(GigState State, Rejection? Rejection);
