using Grpc.Net.Client;

namespace MusicCollective.LoadTest;

/// <summary>
/// The gRPC channels the concurrent clients share: client <c>i</c> uses channel <c>i / clientsPerChannel</c>. Each
/// channel is one HTTP/2 connection (a second opens only past the server's stream limit); cleartext, loopback.
/// </summary>
public sealed class ClientChannels : IDisposable
{
    private readonly GrpcChannel[] _channels;
    private readonly int _clientsPerChannel;

    /// <summary>Opens enough channels to <paramref name="address"/> for <paramref name="clients"/> clients.</summary>
    public ClientChannels(Uri address, int clients, int clientsPerChannel)
    {
        _clientsPerChannel = clientsPerChannel;
        var count = (clients + clientsPerChannel - 1) / clientsPerChannel;
        _channels = Enumerable.Range(0, count).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            },
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        })).ToArray();
    }

    /// <summary>How many channels (HTTP/2 connections) there are.</summary>
    public int Count => _channels.Length;

    /// <summary>The channel of client <paramref name="client"/>.</summary>
    public GrpcChannel For(int client) => _channels[client / _clientsPerChannel % _channels.Length];

    /// <summary>Connects every channel before anything is timed.</summary>
    public Task ConnectAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_channels.Select(c => c.ConnectAsync(cancellationToken)));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
    }
}
