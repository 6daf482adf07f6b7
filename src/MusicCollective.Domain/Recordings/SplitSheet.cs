using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Recordings;

/// <summary>
/// Who is paid what share of a recording's royalties. Percentages are exact decimals, each &gt; 0, with at most
/// <see cref="PercentageDecimalPlacesMax"/> decimals, summing to exactly 100 (99.99 is refused: nothing is guessed).
/// </summary>
public sealed class SplitSheet
{
    /// <summary>Most contributors on one split sheet.</summary>
    public const int ContributorsMax = 200;

    /// <summary>Most decimal places in a percentage (33.3333 has four).</summary>
    public const int PercentageDecimalPlacesMax = 6;

    private SplitSheet(IReadOnlyList<SplitShare> shares) => Shares = shares;

    /// <summary>The shares, in the order given.</summary>
    public IReadOnlyList<SplitShare> Shares { get; }

    /// <summary>Validates and builds a split sheet; throws naming every bad field.</summary>
    public static SplitSheet Create(IReadOnlyList<SplitShare> shares, string field = "split_sheet")
    {
        var errors = new List<DomainError>();
        if (shares.Count == 0) errors.Add(new(DomainErrorCode.Required, field, "a split sheet needs at least one contributor"));
        if (shares.Count > ContributorsMax)
        {
            errors.Add(new(DomainErrorCode.LimitExceeded, field, $"at most {ContributorsMax} contributors"));
        }
        var payees = new HashSet<string>(StringComparer.Ordinal);
        var total = 0m;
        for (var i = 0; i < shares.Count; i++)
        {
            var share = shares[i];
            if (string.IsNullOrWhiteSpace(share.PayeeId))
            {
                errors.Add(new(DomainErrorCode.Required, $"{field}[{i}].payee_id", "each share names its payee"));
            }
            else if (!payees.Add(share.PayeeId))
            {
                errors.Add(new(DomainErrorCode.Duplicate, $"{field}[{i}].payee_id", $"'{share.PayeeId}' appears twice"));
            }
            if (share.Percentage <= 0m)
            {
                errors.Add(new(DomainErrorCode.NonPositiveWeight, $"{field}[{i}].percentage", "a share must be greater than 0%"));
            }
            else if (decimal.Round(share.Percentage, PercentageDecimalPlacesMax) != share.Percentage)
            {
                errors.Add(new(DomainErrorCode.TooManyDecimals, $"{field}[{i}].percentage",
                    $"a percentage may have at most {PercentageDecimalPlacesMax} decimal places"));
            }
            total += share.Percentage;
        }
        if (shares.Count > 0 && total != 100m)
        {
            errors.Add(new(DomainErrorCode.SharesNotHundredPercent, field,
                $"shares sum to {total}%, not exactly 100%"));
        }
        DomainException.ThrowIfAny(errors);
        return new SplitSheet(shares.ToArray());
    }
}
