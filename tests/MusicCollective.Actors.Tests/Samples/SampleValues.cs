using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Actors.Tests.Samples;

/// <summary>Values the samples share: a time with an offset and sub-millisecond ticks, a request log, a rejection.</summary>
internal static class SampleValues
{
    /// <summary>2024-06-01 23:15:30.1234567 +02:00: an offset and 100 ns ticks, both of which must survive storage.</summary>
    public static readonly DateTimeOffset Time = new DateTimeOffset(2024, 6, 1, 23, 15, 30, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    public static readonly RequestStamp Stamp = new("req-7f3a", "sha256:5e1c0d");

    public static MoneyData Eur(long minorUnits) => new("EUR", minorUnits);

    /// <summary>A log with two requests, oldest first.</summary>
    public static IdempotencyLog Requests() => IdempotencyLog.Empty.Record(new("req-1", "sha256:aa")).Record(new("req-2", "sha256:bb"));

    public static Rejection Rejection() => new(RejectionKind.InvalidArgument,
    [
        new DomainError(DomainErrorCode.Required, "venue", "venue is required"),
        new DomainError(DomainErrorCode.OutOfRange, "date", "date must be between 2000-01-01 and 2100-12-31"),
    ]);
}
