using MusicCollective.Domain.Entities;

namespace MusicCollective.Domain.Bands;

/// <summary>A band entity's answer: its state after the command, or why it refused.</summary>
public sealed record BandReply(BandState State, Rejection? Rejection);
