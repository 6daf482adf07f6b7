using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using MusicCollective.Api.V1;

namespace MusicCollective.Api.Tests.Support;

/// <summary>The generated clients of every MusicCollective service, all calling with one bearer token (or none).</summary>
public sealed class Clients
{
    /// <summary>Clients over <paramref name="channel"/> that send <paramref name="token"/>; null sends no token.</summary>
    public Clients(GrpcChannel channel, string? token)
    {
        CallInvoker invoker = token is null
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });
        Members = new MemberService.MemberServiceClient(invoker);
        Bands = new BandService.BandServiceClient(invoker);
        Gigs = new GigService.GigServiceClient(invoker);
        Accounts = new AccountService.AccountServiceClient(invoker);
        Dev = new DevService.DevServiceClient(invoker);
    }

    /// <summary>MemberService.</summary>
    public MemberService.MemberServiceClient Members { get; }

    /// <summary>BandService.</summary>
    public BandService.BandServiceClient Bands { get; }

    /// <summary>GigService.</summary>
    public GigService.GigServiceClient Gigs { get; }

    /// <summary>AccountService.</summary>
    public AccountService.AccountServiceClient Accounts { get; }

    /// <summary>DevService (Development only).</summary>
    public DevService.DevServiceClient Dev { get; }
}
