using MusicCollective.Domain.Entities;

namespace MusicCollective.Domain.Tests.Entities;

/// <summary>Request stamps for tests: a request id, and a payload hash derived from it unless given.</summary>
internal static class Stamps
{
    /// <summary>A stamp for <paramref name="requestId"/> with the hash "hash-{requestId}" or <paramref name="payloadHash"/>.</summary>
    public static RequestStamp Of(string requestId, string? payloadHash = null) =>
        new(requestId, payloadHash ?? $"hash-{requestId}");
}
