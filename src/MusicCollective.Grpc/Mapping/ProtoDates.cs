using Google.Protobuf.WellKnownTypes;
using MusicCollective.Domain.Errors;
using ProtoDate = Google.Type.Date;

namespace MusicCollective.Grpc.Mapping;

/// <summary>google.type.Date ⇄ DateOnly, and instants ⇄ Timestamp.</summary>
public static class ProtoDates
{
    /// <summary>A required full date; a missing or impossible date names <paramref name="field"/>.</summary>
    public static DateOnly ToDateOnly(ProtoDate? date, string field)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            throw new DomainException(DomainErrorCode.Required, field, $"{field} is required");
        }
        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw new DomainException(DomainErrorCode.OutOfRange, field,
                $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar date");
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>DateOnly → wire.</summary>
    public static ProtoDate ToProto(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>Instant → wire.</summary>
    public static Timestamp ToProto(DateTimeOffset time) => Timestamp.FromDateTimeOffset(time);
}
