namespace MusicCollective.Domain.Gigs;

/// <summary>Someone who performed at a gig, in a role of the band's split policy. Hired players are not co-op members.</summary>
public sealed record LineupEntry(string PayeeId, string Role, bool IsHired = false);
