using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Gigs;

/// <summary>
/// Checks a line-up against its band on the gig's date: every performer who is not hired must be a member of the band
/// that day, and when a split policy is in force, every role must be one it defines (so the gig can be settled).
/// </summary>
public static class LineupRules
{
    /// <summary>Every problem found; empty when the line-up fits the band.</summary>
    public static IReadOnlyList<DomainError> CheckAgainstBand(BandState band, DateOnly date,
        IReadOnlyList<LineupEntryData> lineup, string field = "lineup")
    {
        var errors = new List<DomainError>();
        var policy = band.PolicyVersions.LastOrDefault(p => p.EffectiveFrom <= date);
        for (var i = 0; i < lineup.Count; i++)
        {
            var entry = lineup[i];
            if (!entry.Hired && !band.IsMemberOn(entry.PayeeId, date))
            {
                errors.Add(new(DomainErrorCode.NotABandMember, $"{field}[{i}].payee_id",
                    $"'{entry.PayeeId}' is not a member of band '{band.BandId}' on {date:yyyy-MM-dd}; mark hired players as hired"));
            }
            var roleKnown = policy is null
                || policy.RoleWeights.Any(r => r.Role == entry.Role)
                || policy.FixedFees.Any(f => f.Role == entry.Role);
            if (!roleKnown)
            {
                errors.Add(new(DomainErrorCode.UnknownRole, $"{field}[{i}].role",
                    $"policy '{policy!.Name}' v{policy.Version} has no role '{entry.Role}'"));
            }
        }
        return errors;
    }
}
