namespace MusicCollective.Domain.Ledger;

/// <summary>
/// Why a posting has its amount, so a statement can show a musician where each cent came from: the rule, the policy
/// version in force, the weight or percentage applied, and the allocation key that broke any tie.
/// </summary>
/// <param name="Rule">The co-op rule that produced the posting.</param>
/// <param name="Description">One sentence a musician understands.</param>
/// <param name="PolicyName">The split policy's name, when a policy applied.</param>
/// <param name="PolicyVersion">The split policy version in force, when a policy applied.</param>
/// <param name="Role">The line-up role, for gig postings to a performer.</param>
/// <param name="Weight">The weight used in the allocation (a role weight, or a claim in minor units).</param>
/// <param name="Percentage">A rate or split-sheet percentage, in percent (3 means 3%).</param>
/// <param name="AllocationKey">The allocation key whose hash broke ties.</param>
public sealed record PostingExplanation(
    PostingRule Rule,
    string Description,
    string? PolicyName = null,
    int? PolicyVersion = null,
    string? Role = null,
    decimal? Weight = null,
    decimal? Percentage = null,
    string? AllocationKey = null);
