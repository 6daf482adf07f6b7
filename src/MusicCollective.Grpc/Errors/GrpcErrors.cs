using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using Status = Google.Rpc.Status;

namespace MusicCollective.Grpc.Errors;

/// <summary>
/// Turns domain errors into rich gRPC errors: the status code, a readable message, and a google.rpc.BadRequest with
/// one field violation per offending field, so clients can point at exactly what to fix.
/// </summary>
public static class GrpcErrors
{
    /// <summary>INVALID_ARGUMENT naming every bad field.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<DomainError> errors) => WithViolations(Code.InvalidArgument, errors);

    /// <summary>INVALID_ARGUMENT for one field.</summary>
    public static RpcException InvalidArgument(string field, string message) =>
        InvalidArgument([new DomainError(DomainErrorCode.OutOfRange, field, message)]);

    /// <summary>The gRPC error for an entity's rejection.</summary>
    public static RpcException From(Rejection rejection) => WithViolations(rejection.Kind switch
    {
        RejectionKind.InvalidArgument => Code.InvalidArgument,
        RejectionKind.FailedPrecondition => Code.FailedPrecondition,
        RejectionKind.NotFound => Code.NotFound,
        RejectionKind.AlreadyExists => Code.AlreadyExists,
        RejectionKind.RequestIdReused => Code.AlreadyExists,
        _ => Code.Internal,
    }, rejection.Errors);

    /// <summary>NOT_FOUND for one field (only for callers allowed to learn that a thing does not exist).</summary>
    public static RpcException NotFound(string field, string message) =>
        WithViolations(Code.NotFound, [new DomainError(DomainErrorCode.Required, field, message)]);

    /// <summary>FAILED_PRECONDITION for one field.</summary>
    public static RpcException FailedPrecondition(string field, string message) =>
        WithViolations(Code.FailedPrecondition, [new DomainError(DomainErrorCode.OutOfRange, field, message)]);

    private static RpcException WithViolations(Code code, IReadOnlyList<DomainError> errors)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(errors.Select(e => new BadRequest.Types.FieldViolation
        {
            Field = e.Field,
            Description = e.Message,
            Reason = e.Code.ToString(),
        }));
        var status = new Status
        {
            Code = (int)code,
            Message = string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            Details = { Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }
}
