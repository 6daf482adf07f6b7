using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Connection;

/// <summary>
/// The gRPC clients of one command run. The channel opens on first use, so commands that fail on their input
/// never connect; it is disposed with this factory only when <c>mc</c> made it.
/// </summary>
internal sealed class ClientFactory(
    string server, string? token, Func<string, GrpcChannel>? channelFactory, CancellationToken cancellationToken)
    : IDisposable
{
    /// <summary>How long one call may take before it fails with DeadlineExceeded.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private GrpcChannel? ownedChannel;
    private CallInvoker? invoker;

    public string Server => server;

    public MemberService.MemberServiceClient Members => new(Invoker);

    public BandService.BandServiceClient Bands => new(Invoker);

    public GigService.GigServiceClient Gigs => new(Invoker);

    public AccountService.AccountServiceClient Accounts => new(Invoker);

    public DevService.DevServiceClient Dev => new(Invoker);

    private CallInvoker Invoker => invoker ??= Open();

    public void Dispose() => ownedChannel?.Dispose();

    /// <summary>An absolute http:// or https:// address; anything else is a usage error.</summary>
    public static Uri ParseAddress(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--server: '{address}' is not an http:// or https:// address (e.g. http://localhost:5080)");
        }

        return uri;
    }

    private CallInvoker Open()
    {
        GrpcChannel channel;
        if (channelFactory is null)
        {
            // For http:// addresses GrpcChannel speaks cleartext HTTP/2 (h2c) with prior knowledge.
            channel = GrpcChannel.ForAddress(ParseAddress(server));
            ownedChannel = channel;
        }
        else
        {
            channel = channelFactory(server);
        }

        return channel.Intercept(new CallDefaultsInterceptor(token, CallTimeout, cancellationToken));
    }
}
