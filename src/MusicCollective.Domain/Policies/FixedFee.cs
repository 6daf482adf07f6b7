using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Policies;

/// <summary>
/// A flat fee for a line-up role (a hired substitute: 150.00 flat). Performers in that role get the fee instead of a
/// weighted share. The amount's currency must match the gig's.
/// </summary>
public sealed record FixedFee(string Role, Money Amount);
