using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;

namespace MusicCollective.Cli.Tests;

/// <summary>
/// A gRPC server in a handler: answers unary calls from canned replies, records what was sent. Lets CliApp run end to
/// end without a server (the real server's in-process tests will pass a TestServer channel instead).
/// </summary>
internal sealed class FakeGrpcHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<byte[], IMessage>> replies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Google.Rpc.Status> failures = new(StringComparer.Ordinal);

    public List<RecordedCall> Calls { get; } = [];

    /// <summary>Replies to <c>/package.Service/Method</c> with whatever <paramref name="reply"/> makes of the request.</summary>
    public FakeGrpcHandler On<TRequest>(string path, MessageParser<TRequest> parser, Func<TRequest, IMessage> reply)
        where TRequest : IMessage<TRequest>
    {
        replies[path] = bytes => reply(parser.ParseFrom(bytes));
        return this;
    }

    /// <summary>Fails calls to <paramref name="path"/> with a rich status (google.rpc.Status in grpc-status-details-bin).</summary>
    public FakeGrpcHandler Fail(string path, Google.Rpc.Status status)
    {
        failures[path] = status;
        return this;
    }

    public TRequest Request<TRequest>(int index, MessageParser<TRequest> parser)
        where TRequest : IMessage<TRequest> => parser.ParseFrom(Calls[index].Message);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var frame = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var message = frame[5..]; // 1 byte compressed flag, 4 bytes length, then the message
        var authorization = request.Headers.TryGetValues("authorization", out var values) ? values.Single() : null;
        Calls.Add(new RecordedCall(path, message, authorization));

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, RequestMessage = request };
        if (failures.TryGetValue(path, out var failure))
        {
            response.Content = new ByteArrayContent([]);
            response.TrailingHeaders.Add("grpc-status", failure.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            response.TrailingHeaders.Add("grpc-message", Uri.EscapeDataString(failure.Message));
            response.TrailingHeaders.Add("grpc-status-details-bin", Convert.ToBase64String(failure.ToByteArray()));
        }
        else if (replies.TryGetValue(path, out var reply))
        {
            var body = reply(message).ToByteArray();
            var framed = new byte[5 + body.Length];
            BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)body.Length);
            body.CopyTo(framed, 5);
            response.Content = new ByteArrayContent(framed);
            response.TrailingHeaders.Add("grpc-status", "0");
        }
        else
        {
            response.Content = new ByteArrayContent([]);
            response.TrailingHeaders.Add("grpc-status", ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        return response;
    }

    internal sealed record RecordedCall(string Path, byte[] Message, string? Authorization);
}
