namespace MusicCollective.Domain.Errors;

/// <summary>
/// Assertions for programmer errors: a split that does not sum, an unbalanced transaction. Failing one means the code
/// is wrong, not the input, so it throws <see cref="InvariantViolationException"/> and nothing must be persisted.
/// </summary>
public static class Invariant
{
    /// <summary>Throws <see cref="InvariantViolationException"/> when <paramref name="condition"/> is false.</summary>
    public static void Check(bool condition, string description)
    {
        if (!condition) throw new InvariantViolationException(description);
    }
}

/// <summary>A broken invariant: a bug in the code, never the caller's fault.</summary>
public sealed class InvariantViolationException(string description)
    : Exception($"Invariant violated: {description}");
