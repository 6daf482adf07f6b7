namespace MusicCollective.Domain.Policies;

/// <summary>How much of the remainder a line-up role earns relative to others (leader 1.5, member 1). Weight &gt; 0.</summary>
public sealed record RoleWeight(string Role, decimal Weight);
