namespace MusicCollective.Domain.Recordings;

/// <summary>A contributor's share of a recording's royalties, in percent (25 means 25%).</summary>
public sealed record SplitShare(string PayeeId, decimal Percentage);
