namespace MusicCollective.Domain.Errors;

/// <summary>
/// Raised for bad input (an operating error), never for a bug. Carries every <see cref="DomainError"/> found, so a
/// caller can report all offending fields at once.
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>Creates the exception from one or more errors; at least one is required.</summary>
    public DomainException(IReadOnlyList<DomainError> errors)
        : base(string.Join("; ", errors))
    {
        Invariant.Check(errors.Count > 0, "a DomainException needs at least one error");
        Errors = errors;
    }

    /// <summary>Creates the exception from a single error.</summary>
    public DomainException(DomainErrorCode code, string field, string message)
        : this([new DomainError(code, field, message)])
    {
    }

    /// <summary>Every error found, in the order they were found.</summary>
    public IReadOnlyList<DomainError> Errors { get; }

    /// <summary>The first error's code: convenient when there is only one.</summary>
    public DomainErrorCode Code => Errors[0].Code;

    /// <summary>Throws when <paramref name="errors"/> is not empty.</summary>
    public static void ThrowIfAny(IReadOnlyList<DomainError> errors)
    {
        if (errors.Count > 0) throw new DomainException(errors);
    }
}
