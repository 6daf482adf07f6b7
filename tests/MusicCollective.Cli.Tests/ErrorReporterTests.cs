using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using MusicCollective.Cli.Errors;
using Status = Google.Rpc.Status;

namespace MusicCollective.Cli.Tests;

public class ErrorReporterTests
{
    private const string Server = "http://localhost:5080";

    private static RpcException BadRequestException()
    {
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation { Field = "agreed_fee.nanos", Description = "EUR has 2 decimals" },
                new BadRequest.Types.FieldViolation { Field = "lineup[1].role", Description = "unknown role 'drummer'" },
            },
        };
        var status = new Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "the gig is not valid",
            Details = { Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }

    [Fact]
    public void Bad_request_prints_the_status_then_one_line_per_field_violation()
    {
        // Proves: a rich INVALID_ARGUMENT shows its code, its detail, and every offending field with its reason.
        var lines = ErrorReporter.Format(BadRequestException(), Server);

        Assert.Equal(
            [
                "error: InvalidArgument: the gig is not valid",
                "  agreed_fee.nanos: EUR has 2 decimals",
                "  lineup[1].role: unknown role 'drummer'",
            ],
            lines);
    }

    [Fact]
    public void A_status_without_details_is_one_line()
    {
        // Proves: plain statuses print as "error: <StatusCode>: <detail>" and nothing more.
        var ex = new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, "admin only"));
        Assert.Equal(["error: PermissionDenied: admin only"], ErrorReporter.Format(ex, Server));
    }

    [Fact]
    public void A_connection_failure_is_one_line_naming_the_server()
    {
        // Proves: an unreachable server gives one line with its address, not the transport's exception text.
        var ex = new RpcException(new Grpc.Core.Status(
            StatusCode.Unavailable,
            "Error starting gRPC call. HttpRequestException: Connection refused (localhost:5080) SocketException: Connection refused",
            new HttpRequestException("Connection refused (localhost:5080)")));

        var lines = ErrorReporter.Format(ex, Server, requestId: "r-1");

        var line = Assert.Single(lines);
        Assert.StartsWith("error: cannot connect to the server at http://localhost:5080: Connection refused", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_outcome_names_the_request_id_to_retry_with()
    {
        // Proves: after a timeout the user is told how to retry the same request safely.
        var ex = new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
        Assert.Equal(
            ["error: DeadlineExceeded: Deadline Exceeded", "  the outcome is unknown: retry with --request-id r-1"],
            ErrorReporter.Format(ex, Server, requestId: "r-1"));
    }

    [Fact]
    public void A_refusal_does_not_suggest_a_retry()
    {
        // Proves: a definite answer (here a bad request) is not presented as worth retrying.
        Assert.DoesNotContain(ErrorReporter.Format(BadRequestException(), Server, requestId: "r-1"), l => l.Contains("retry", StringComparison.Ordinal));
    }

    [Fact]
    public void A_multi_line_detail_is_folded_onto_the_status_line()
    {
        // Proves: one status gives one headline, however the server wrapped its message.
        var ex = new RpcException(new Grpc.Core.Status(StatusCode.Internal, "first\nsecond"));
        Assert.Equal(["error: Internal: first second"], ErrorReporter.Format(ex, Server));
    }
}
