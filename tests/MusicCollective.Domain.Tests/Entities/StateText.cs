using System.Text.Json;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Members;

namespace MusicCollective.Domain.Tests.Entities;

/// <summary>
/// An entity state as canonical text, to compare states by value: records compare their immutable lists and the
/// idempotency log's dictionary by reference, so two equal states built separately are never Equal.
/// </summary>
internal static class StateText
{
    public static string Of(GigState state) => JsonSerializer.Serialize(state with { Requests = IdempotencyLog.Empty }) + Of(state.Requests);

    public static string Of(BandState state) => JsonSerializer.Serialize(state with { Requests = IdempotencyLog.Empty }) + Of(state.Requests);

    public static string Of(MemberState state) => JsonSerializer.Serialize(state with { Requests = IdempotencyLog.Empty }) + Of(state.Requests);

    // The dictionary's enumeration order is an implementation detail: sort it; the queue's order is meaningful.
    private static string Of(IdempotencyLog log) =>
        $"|requests: {string.Join(",", log.HashByRequestId.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}" +
        $"|order: {string.Join(",", log.Order)}|last: {log.LastRequestId}";
}
