using MusicCollective.Domain.Entities;

namespace MusicCollective.Domain.Members;

/// <summary>A member entity's answer: its state after the command, or why it refused.</summary>
public sealed record MemberReply(MemberState State, Rejection? Rejection);
