namespace MusicCollective.Domain.Ledger;

/// <summary>
/// A ledger account, named as DOMAIN.md names them: <c>member/{id}</c>, <c>fund</c>, <c>suspense/{label}</c>,
/// <c>income/gigs</c>, <c>income/labels/{label}</c>, <c>payouts/pending</c>, <c>payouts/sent</c>,
/// <c>recoup/{recording}</c>. Equality is ordinal on the name.
/// </summary>
public sealed record AccountId
{
    private AccountId(string value) => Value = value;

    /// <summary>The account's name, e.g. <c>member/m-42</c>.</summary>
    public string Value { get; }

    /// <summary>The co-op fund.</summary>
    public static AccountId Fund { get; } = new("fund");

    /// <summary>Where gig fees come from.</summary>
    public static AccountId IncomeGigs { get; } = new("income/gigs");

    /// <summary>Reserved for a payout run, not yet sent.</summary>
    public static AccountId PayoutsPending { get; } = new("payouts/pending");

    /// <summary>Paid out and confirmed.</summary>
    public static AccountId PayoutsSent { get; } = new("payouts/sent");

    /// <summary>A member's (or hired player's) account: positive means the co-op owes them.</summary>
    public static AccountId Member(string memberId) => new($"member/{Required(memberId)}");

    /// <summary>Royalty lines of a label that match no known recording.</summary>
    public static AccountId Suspense(string labelId) => new($"suspense/{Required(labelId)}");

    /// <summary>Where a label's royalties come from.</summary>
    public static AccountId IncomeLabel(string labelId) => new($"income/labels/{Required(labelId)}");

    /// <summary>Royalties withheld to repay a recording's advance or costs.</summary>
    public static AccountId Recoup(string recordingId) => new($"recoup/{Required(recordingId)}");

    /// <summary>Rebuilds an account from its stored name.</summary>
    public static AccountId Parse(string value) => new(Required(value));

    /// <inheritdoc />
    public override string ToString() => Value;

    private static string Required(string part)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(part);
        return part;
    }
}
