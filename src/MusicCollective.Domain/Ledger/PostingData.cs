using MusicCollective.Domain.Entities;

namespace MusicCollective.Domain.Ledger;

/// <summary>A posting as stored in events: plain data, stable forever.</summary>
public sealed record PostingData(
    string Account,
    MoneyData Amount,
    PostingRule Rule,
    string Description,
    string? PolicyName,
    int? PolicyVersion,
    string? Role,
    decimal? Weight,
    decimal? Percentage,
    string? AllocationKey)
{
    /// <summary>From a domain posting.</summary>
    public static PostingData From(Posting posting) => new(posting.Account.Value, MoneyData.From(posting.Amount),
        posting.Explanation.Rule, posting.Explanation.Description, posting.Explanation.PolicyName,
        posting.Explanation.PolicyVersion, posting.Explanation.Role, posting.Explanation.Weight,
        posting.Explanation.Percentage, posting.Explanation.AllocationKey);
}
