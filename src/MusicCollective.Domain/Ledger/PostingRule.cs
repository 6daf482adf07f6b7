namespace MusicCollective.Domain.Ledger;

/// <summary>Which rule of the co-op produced a posting. Stable values: they are stored and shown on statements.</summary>
public enum PostingRule
{
    /// <summary>A gig fee received (the income side).</summary>
    GigIncome = 1,
    /// <summary>The co-op fund's contribution (gig or royalty).</summary>
    FundContribution = 2,
    /// <summary>An expense reimbursed to the member who paid it.</summary>
    ExpenseReimbursement = 3,
    /// <summary>A flat fee for a role (a hired substitute).</summary>
    FixedFee = 4,
    /// <summary>A share of what is left, by role weight.</summary>
    LineupShare = 5,
    /// <summary>Royalty income from a label statement (the income side).</summary>
    RoyaltyIncome = 6,
    /// <summary>Royalties withheld to repay a recoupable balance.</summary>
    Recoupment = 7,
    /// <summary>A share of royalties by the recording's split sheet.</summary>
    SplitSheetShare = 8,
}
