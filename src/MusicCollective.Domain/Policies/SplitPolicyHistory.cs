using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Policies;

/// <summary>
/// Every version of a band's split policy, oldest first. Versions are numbered 1, 2, 3… and each takes effect
/// strictly after the one before, so exactly one version (or none, before the first) is in force on any date.
/// Immutable: <see cref="Add"/> returns a new history.
/// </summary>
public sealed class SplitPolicyHistory
{
    private readonly SplitPolicy[] _versions;

    private SplitPolicyHistory(SplitPolicy[] versions) => _versions = versions;

    /// <summary>A history with no versions yet.</summary>
    public static SplitPolicyHistory Empty { get; } = new([]);

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<SplitPolicy> Versions => _versions;

    /// <summary>The newest version, or null.</summary>
    public SplitPolicy? Latest => _versions.Length == 0 ? null : _versions[^1];

    /// <summary>Adds the next version; it must be numbered one more than the latest and take effect after it.</summary>
    public SplitPolicyHistory Add(SplitPolicy policy)
    {
        var expected = (Latest?.Version ?? 0) + 1;
        if (policy.Version != expected)
        {
            throw new DomainException(DomainErrorCode.PolicyOutOfSequence, "version", $"the next version is {expected}");
        }
        if (Latest is { } latest && policy.EffectiveFrom <= latest.EffectiveFrom)
        {
            throw new DomainException(DomainErrorCode.PolicyOutOfSequence, "effective_from",
                $"a new version must take effect after {latest.EffectiveFrom:yyyy-MM-dd}");
        }
        return new SplitPolicyHistory([.. _versions, policy]);
    }

    /// <summary>The version in force on <paramref name="date"/>: the newest whose effective date is on or before it.</summary>
    public SplitPolicy InForceOn(DateOnly date, string field = "date")
    {
        for (var i = _versions.Length - 1; i >= 0; i--)
        {
            if (_versions[i].EffectiveFrom <= date) return _versions[i];
        }
        throw new DomainException(DomainErrorCode.NoPolicyInForce, field,
            $"no split policy version is in force on {date:yyyy-MM-dd}");
    }
}
