using System.Net.Sockets;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace MusicCollective.Cli.Errors;

/// <summary>
/// Turns a failed call into the lines printed on stderr: <c>error: &lt;StatusCode&gt;: &lt;detail&gt;</c>, then one
/// <c>  field: description</c> line per google.rpc.BadRequest field violation. An unreachable server is one line
/// naming its address. Never a stack trace.
/// </summary>
public static class ErrorReporter
{
    public static void Write(TextWriter stderr, RpcException exception, string server, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        foreach (var line in Format(exception, server, requestId))
        {
            stderr.WriteLine(line);
        }
    }

    public static IReadOnlyList<string> Format(RpcException exception, string server, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (IsConnectionFailure(exception, out var reason))
        {
            return [$"error: cannot connect to the server at {server}: {reason} (is it running? set --server or MC_SERVER)"];
        }

        var lines = new List<string> { Headline(exception) };
        foreach (var violation in BadRequestOf(exception)?.FieldViolations ?? [])
        {
            lines.Add($"  {violation.Field}: {violation.Description}");
        }

        // The call may have taken effect: the same request id makes the retry safe.
        if (requestId is not null && OutcomeUnknown(exception.StatusCode))
        {
            lines.Add($"  the outcome is unknown: retry with --request-id {requestId}");
        }

        return lines;
    }

    public static void WriteCancelled(TextWriter stderr, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine(requestId is null
            ? "error: cancelled"
            : $"error: cancelled; the outcome is unknown: retry with --request-id {requestId}");
    }

    public static void WriteUnexpected(TextWriter stderr, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(exception);
        stderr.WriteLine($"error: unexpected {exception.GetType().Name}: {OneLine(exception.Message)}");
    }

    private static string Headline(RpcException exception)
    {
        var detail = OneLine(exception.Status.Detail);
        return detail.Length == 0 ? $"error: {exception.StatusCode}" : $"error: {exception.StatusCode}: {detail}";
    }

    private static BadRequest? BadRequestOf(RpcException exception)
    {
        try
        {
            return exception.GetRpcStatus()?.GetDetail<BadRequest>();
        }
        catch (InvalidProtocolBufferException)
        {
            // Malformed grpc-status-details-bin: the status line alone still says what happened.
            return null;
        }
    }

    private static bool IsConnectionFailure(RpcException exception, out string reason)
    {
        reason = "";
        if (exception.StatusCode != StatusCode.Unavailable)
        {
            return false;
        }

        var cause = exception.Status.DebugException;
        if (cause is not (HttpRequestException or SocketException or IOException))
        {
            return false;
        }

        reason = OneLine(cause.Message);
        return true;
    }

    private static bool OutcomeUnknown(StatusCode code) =>
        code is StatusCode.DeadlineExceeded or StatusCode.Unavailable or StatusCode.Unknown or StatusCode.Internal
            or StatusCode.Aborted or StatusCode.Cancelled;

    private static string OneLine(string? text) =>
        string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
