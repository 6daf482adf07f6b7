using System.Security.Cryptography;
using Google.Protobuf;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Grpc.Auth;

namespace MusicCollective.Grpc.Mapping;

/// <summary>
/// Builds the idempotency stamp of a mutating request: its request_id and a SHA-256 of who sent it and what it says
/// (the request serialised with request_id cleared). A retry by the same caller with the same content has the same
/// hash; the same id with other content, or from another caller, does not and is refused.
/// </summary>
public static class RequestStamps
{
    /// <summary>Longest request id accepted.</summary>
    public const int RequestIdLengthMax = 128;

    private const string RequestIdField = "request_id";

    /// <summary>The stamp of <paramref name="request"/>; a missing or over-long request_id is INVALID_ARGUMENT.</summary>
    public static RequestStamp Of(IMessage request, Caller caller)
    {
        var field = request.Descriptor.FindFieldByName(RequestIdField)
            ?? throw new ArgumentException($"{request.Descriptor.Name} has no request_id", nameof(request));
        var requestId = (string)field.Accessor.GetValue(request);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw new DomainException(DomainErrorCode.Required, RequestIdField, "request_id is required on every change (AIP-155)");
        }
        if (requestId.Length > RequestIdLengthMax)
        {
            throw new DomainException(DomainErrorCode.LimitExceeded, RequestIdField, $"request_id is at most {RequestIdLengthMax} characters");
        }
        var payload = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        field.Accessor.SetValue(payload, "");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{caller.Role}\n{caller.Subject}\n{request.Descriptor.FullName}\n"));
        hash.AppendData(payload.ToByteArray());
        return new RequestStamp(requestId, Convert.ToHexString(hash.GetHashAndReset()));
    }

    /// <summary>
    /// A gig id for a registration that names none: derived from the caller and request id, so a retry of the same
    /// registration reaches the same gig entity and is recognised there.
    /// </summary>
    public static string DerivedGigId(Caller caller, string requestId)
    {
        var digest = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{caller.Role}\n{caller.Subject}\n{requestId}"));
        return "g-" + Convert.ToHexString(digest, 0, 10).ToLowerInvariant();
    }
}
