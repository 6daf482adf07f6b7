using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Tests;

/// <summary>Assertions for operating errors: the named error code, for the named field, and nothing else.</summary>
internal static class DomainAssert
{
    /// <summary>Asserts <paramref name="action"/> is refused with exactly one error of <paramref name="code"/> naming <paramref name="field"/>.</summary>
    public static DomainError Fails(DomainErrorCode code, string field, Action action)
    {
        var exception = Assert.Throws<DomainException>(action);
        var error = Assert.Single(exception.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    /// <summary>Asserts <paramref name="action"/> is refused with exactly one error of <paramref name="code"/> naming <paramref name="field"/>.</summary>
    public static DomainError Fails<T>(DomainErrorCode code, string field, Func<T> action) =>
        Fails(code, field, () => { _ = action(); });

    /// <summary>Asserts <paramref name="errors"/> are exactly the expected (code, field) pairs, in order.</summary>
    public static void Exactly(IReadOnlyList<DomainError> errors, params (DomainErrorCode Code, string Field)[] expected) =>
        Assert.Equal(expected, errors.Select(e => (e.Code, e.Field)));
}
