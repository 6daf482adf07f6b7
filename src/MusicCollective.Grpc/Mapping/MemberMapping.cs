using MusicCollective.Api.V1;
using MusicCollective.Domain.Members;
using MusicCollective.ReadModel;

namespace MusicCollective.Grpc.Mapping;

/// <summary>Member state and rows → wire.</summary>
public static class MemberMapping
{
    /// <summary>The entity's state as the API's Member.</summary>
    public static Member ToProto(MemberState state) => new()
    {
        MemberId = state.MemberId,
        DisplayName = state.DisplayName,
        Email = state.Email,
        PayoutDetails = state.PayoutDetails is { } payout
            ? new PayoutDetails { AccountHolder = payout.AccountHolder, Iban = payout.Iban }
            : null,
        CreateTime = ProtoDates.ToProto(state.CreateTime),
    };

    /// <summary>A read-model row as the API's Member (lists carry no payout details).</summary>
    public static Member ToProto(MemberRow row) => new()
    {
        MemberId = row.MemberId,
        DisplayName = row.DisplayName,
        Email = row.Email,
        CreateTime = ProtoDates.ToProto(row.CreateTime),
    };
}
