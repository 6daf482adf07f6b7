using AskTimeoutException = Akka.Actor.AskTimeoutException;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using MusicCollective.Domain.Errors;
using MusicCollective.ReadModel;

namespace MusicCollective.Grpc.Errors;

/// <summary>
/// Maps the exceptions that can escape a handler to gRPC statuses, so a caller never sees a bare INTERNAL for bad
/// input: domain validation → INVALID_ARGUMENT with field violations; an entity that did not answer in time →
/// UNAVAILABLE (safe to retry with the same request_id); a cancelled or expired call → CANCELLED / DEADLINE_EXCEEDED.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (DomainException exception)
        {
            throw GrpcErrors.InvalidArgument(exception.Errors);
        }
        catch (InvalidPageTokenException exception)
        {
            throw GrpcErrors.InvalidArgument("page_token", exception.Message);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw context.Deadline <= DateTime.UtcNow
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "the deadline passed before the request completed"))
                : new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }
        catch (AskTimeoutException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                "the request did not complete in time; retry with the same request_id"));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "unhandled error in {Method}", context.Method);
            throw new RpcException(new Status(StatusCode.Internal, "internal error; retry with the same request_id"));
        }
    }
}
