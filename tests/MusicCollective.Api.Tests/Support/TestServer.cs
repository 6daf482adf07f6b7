using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MusicCollective.Api.V1;

namespace MusicCollective.Api.Tests.Support;

/// <summary>
/// The real server (Program: Akka cluster of one, journal, projection, read model, gRPC) in process, through
/// <see cref="WebApplicationFactory{TEntryPoint}"/>, on the given storage. Program reads its configuration before
/// Build, so settings go in with UseSetting (visible early), not ConfigureAppConfiguration (too late).
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    /// <summary>Longest wait for a fresh server's entities to answer.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Deadline of one readiness probe.</summary>
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(2);

    private readonly Factory _factory;

    private TestServer(Factory factory, ServerStorage storage)
    {
        _factory = factory;
        Storage = storage;
        // STACK.md pitfall 8: the in-memory test server speaks HTTP/2 to a channel over its own handler.
        Channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = factory.Server.CreateHandler(),
            // Large enough to send the oversized-message test's request: the server must refuse it, not the client.
            MaxSendMessageSize = null,
            MaxReceiveMessageSize = 32 * 1024 * 1024,
        });
    }

    /// <summary>Where this server keeps its state.</summary>
    public ServerStorage Storage { get; }

    /// <summary>The server's services (its actor system, say), for tests that look inside.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>A channel to the server.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Clients sending <paramref name="token"/>; null sends none.</summary>
    public Clients As(string? token) => new(Channel, token);

    /// <summary>Clients as an admin.</summary>
    public Clients Admin => As(Tokens.Admin());

    /// <summary>Clients as a treasurer.</summary>
    public Clients Treasurer => As(Tokens.Treasurer());

    /// <summary>Clients without a token.</summary>
    public Clients Anonymous => As(null);

    /// <summary>
    /// Starts a server on <paramref name="storage"/> in <paramref name="environment"/> (Development by default, which
    /// maps DevService) and waits until its entities answer.
    /// </summary>
    public static async Task<TestServer> StartAsync(ServerStorage storage, string environment = "Development")
    {
        var factory = new Factory(storage, environment);
        TestServer server;
        try
        {
            server = new TestServer(factory, storage); // factory.Server builds and starts the host
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Stops the server (its actor system and projection); the storage stays.</summary>
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _factory.DisposeAsync();
    }

    // The cluster of one joins itself and the shard regions register after the host has started, and the first
    // calls of a fresh process are slow (JIT): probe a member entity with short deadlines until it answers (NOT_FOUND
    // for an id nobody registers is an answer). Any other failure while starting up means "not yet". Then register a
    // probe member and wait for the read-model projection to list it: a server whose projection is not running
    // would never show a balance, so it is not ready.
    private async Task WaitUntilReadyAsync()
    {
        var admin = Admin;
        await Eventually.Until(async () =>
        {
            try
            {
                await admin.Members.GetMemberAsync(new GetMemberRequest { MemberId = "readiness-probe" },
                    deadline: DateTime.UtcNow.Add(ProbeDeadline));
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return true;
            }
            catch (RpcException)
            {
                return false;
            }
        }, ready => ready, "the server's entities answering", ReadyTimeout);

        var probe = Wire.NewId("readiness-probe");
        await admin.Members.CreateMemberAsync(new CreateMemberRequest
        {
            RequestId = probe, MemberId = probe, DisplayName = "Readiness probe", Email = "probe@example.org",
        });
        await Eventually.Until(async () =>
        {
            var token = "";
            do
            {
                var page = await admin.Members.ListMembersAsync(new ListMembersRequest { PageSize = 500, PageToken = token });
                if (page.Members.Any(m => m.MemberId == probe)) return true;
                token = page.NextPageToken;
            } while (token != "");
            return false;
        }, listed => listed, "the read-model projection listing a member registered at start-up " +
                             "(it did not: the projection is not running, see ReadModelProjection.PreStart)");
    }

    private sealed class Factory(ServerStorage storage, string environment) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in storage.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Auth:SigningKey", Tokens.SigningKey);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Akka", "Warning");
        }
    }
}
