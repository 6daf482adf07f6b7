namespace MusicCollective.Domain.Errors;

/// <summary>
/// Every operating error the domain can report. Each names one kind of bad input, so callers (and the gRPC layer)
/// can tell them apart without parsing messages. Values are stable: they may be stored and sent over the wire.
/// </summary>
public enum DomainErrorCode
{
    /// <summary>A currency code that is not an active ISO 4217 code.</summary>
    UnknownCurrency = 1,
    /// <summary>Two amounts in different currencies were combined.</summary>
    CurrencyMismatch = 2,
    /// <summary>An amount with more decimal places than its currency (or a royalty line) allows.</summary>
    TooManyDecimals = 3,
    /// <summary>Text that is not a plain decimal number.</summary>
    MalformedAmount = 4,
    /// <summary>An amount that must not be negative was negative (a fee, an expense, a recoupable balance).</summary>
    NegativeAmount = 5,
    /// <summary>An allocation or role weight of zero or less.</summary>
    NonPositiveWeight = 6,
    /// <summary>Split sheet percentages that do not sum to exactly 100%.</summary>
    SharesNotHundredPercent = 7,
    /// <summary>A fund or recoupment rate outside its allowed range.</summary>
    RateOutOfRange = 8,
    /// <summary>An amount or weight too large to compute exactly.</summary>
    AmountOutOfRange = 9,
    /// <summary>A malformed ISRC.</summary>
    MalformedIsrc = 10,
    /// <summary>A required value is missing or empty.</summary>
    Required = 11,
    /// <summary>The same id appears twice where ids must be unique.</summary>
    Duplicate = 12,
    /// <summary>A line-up role the split policy does not define.</summary>
    UnknownRole = 13,
    /// <summary>A line-up with nobody to share the remainder among.</summary>
    NoSharingPerformer = 14,
    /// <summary>A policy version or effective date out of sequence.</summary>
    PolicyOutOfSequence = 15,
    /// <summary>No split policy version is in force on the date asked for.</summary>
    NoPolicyInForce = 16,
    /// <summary>A value exceeds a named limit (too many recipients, text too long).</summary>
    LimitExceeded = 17,
    /// <summary>An id that breaks the id rules (characters, length).</summary>
    MalformedId = 18,
    /// <summary>A text or date value outside its allowed form or range.</summary>
    OutOfRange = 19,
    /// <summary>A payee in a line-up or split who is not a member of the band.</summary>
    NotABandMember = 20,
}
