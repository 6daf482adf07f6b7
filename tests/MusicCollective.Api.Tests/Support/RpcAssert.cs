using Google.Rpc;
using Grpc.Core;

namespace MusicCollective.Api.Tests.Support;

/// <summary>Assertions on gRPC failures: the status code and, for bad requests, the fields named.</summary>
public static class RpcAssert
{
    /// <summary>Asserts <paramref name="call"/> fails with <paramref name="code"/>; returns the exception.</summary>
    public static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(exception.StatusCode == code,
            $"expected {code}, got {exception.StatusCode}: {exception.Status.Detail}");
        return exception;
    }

    /// <summary>
    /// Asserts <paramref name="call"/> fails with INVALID_ARGUMENT whose google.rpc.BadRequest names every field of
    /// <paramref name="fields"/>; returns the field violations.
    /// </summary>
    public static Task<BadRequest> InvalidArgument(Func<Task> call, params string[] fields) =>
        Violations(StatusCode.InvalidArgument, call, fields);

    /// <summary>Asserts a failure with <paramref name="code"/> whose BadRequest names every field of <paramref name="fields"/>.</summary>
    public static async Task<BadRequest> Violations(StatusCode code, Func<Task> call, params string[] fields)
    {
        var exception = await Fails(code, call);
        var badRequest = exception.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.True(badRequest is not null, $"{code} without google.rpc.BadRequest details: {exception.Status.Detail}");
        var named = badRequest.FieldViolations.Select(v => v.Field).ToArray();
        foreach (var field in fields)
        {
            Assert.True(named.Contains(field),
                $"expected a violation on '{field}'; the violations name [{string.Join(", ", named)}] ({exception.Status.Detail})");
        }
        return badRequest;
    }
}
