using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Tests.Entities;

/// <summary>Assertions on an entity's <see cref="Decision{TEvent}"/>: accepted with one event, a retry, or a named rejection.</summary>
internal static class EntityAssert
{
    /// <summary>Asserts the decision accepts the command with exactly one event assignable to <typeparamref name="T"/>.</summary>
    public static T Accepted<T>(object decision)
    {
        var (events, rejection, isRetry) = Parts(decision);
        Assert.Null(rejection);
        Assert.False(isRetry, "an accepted command is not a retry");
        return Assert.IsAssignableFrom<T>(Assert.Single(events));
    }

    /// <summary>Asserts the decision is a retry: the first answer again, nothing to persist.</summary>
    public static void Retry(object decision)
    {
        var (events, rejection, isRetry) = Parts(decision);
        Assert.True(isRetry, $"expected a retry, got {Describe(rejection, events)}");
        Assert.Null(rejection);
        Assert.Empty(events);
    }

    /// <summary>Asserts the decision refuses with <paramref name="kind"/> and exactly one error of <paramref name="code"/> on <paramref name="field"/>.</summary>
    public static DomainError Rejected(object decision, RejectionKind kind, DomainErrorCode code, string field)
    {
        var rejection = Rejection(decision, kind);
        var error = Assert.Single(rejection.Errors);
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    /// <summary>Asserts the decision refuses with <paramref name="kind"/> naming exactly these (code, field) pairs, in order.</summary>
    public static void Rejected(object decision, RejectionKind kind, params (DomainErrorCode Code, string Field)[] expected) =>
        Assert.Equal(expected, Rejection(decision, kind).Errors.Select(e => (e.Code, e.Field)));

    private static Rejection Rejection(object decision, RejectionKind kind)
    {
        var (events, rejection, isRetry) = Parts(decision);
        Assert.False(isRetry, "a rejection is not a retry");
        Assert.Empty(events);
        Assert.NotNull(rejection);
        Assert.Equal(kind, rejection.Kind);
        return rejection;
    }

    // Decision<TEvent> is generic over each entity's event type; these assertions read it through its shape.
    private static (IReadOnlyList<object> Events, Rejection? Rejection, bool IsRetry) Parts(object decision) => decision switch
    {
        Decision<Domain.Gigs.GigEvent> d => ([.. d.Events], d.Rejection, d.IsRetry),
        Decision<Domain.Bands.BandEvent> d => ([.. d.Events], d.Rejection, d.IsRetry),
        Decision<Domain.Members.MemberEvent> d => ([.. d.Events], d.Rejection, d.IsRetry),
        _ => throw new ArgumentException($"not a decision: {decision.GetType()}", nameof(decision)),
    };

    private static string Describe(Rejection? rejection, IReadOnlyList<object> events) =>
        rejection is not null ? $"{rejection.Kind}: {string.Join("; ", rejection.Errors)}" : $"{events.Count} event(s)";
}
