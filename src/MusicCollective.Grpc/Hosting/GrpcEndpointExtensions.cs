using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using MusicCollective.Grpc.Services;

namespace MusicCollective.Grpc.Hosting;

/// <summary>Maps the gRPC services onto the endpoint routes.</summary>
public static class GrpcEndpointExtensions
{
    /// <summary>Maps every service; the development token service only in Development.</summary>
    public static IEndpointRouteBuilder MapMusicCollectiveGrpc(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        endpoints.MapGrpcService<MemberGrpcService>();
        endpoints.MapGrpcService<BandGrpcService>();
        endpoints.MapGrpcService<GigGrpcService>();
        endpoints.MapGrpcService<AccountGrpcService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        if (environment.IsDevelopment()) endpoints.MapGrpcService<DevGrpcService>();
        return endpoints;
    }
}
