using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MusicCollective.Grpc.Auth;
using MusicCollective.Grpc.Errors;
using MusicCollective.Grpc.Health;
using MusicCollective.Grpc.Services;

namespace MusicCollective.Grpc.Hosting;

/// <summary>Registers the gRPC API: services, limits, error mapping, authentication, health and reflection.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Largest request message accepted (royalty statements arrive in chunks well below this).</summary>
    public const int ReceiveMessageBytesMax = 4 * 1024 * 1024;

    /// <summary>Largest response message sent.</summary>
    public const int SendMessageBytesMax = 16 * 1024 * 1024;

    /// <summary>Adds everything the API needs.</summary>
    public static IServiceCollection AddMusicCollectiveGrpc(this IServiceCollection services, AuthSettings auth,
        IHostEnvironment environment)
    {
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = ReceiveMessageBytesMax;
            options.MaxSendMessageSize = SendMessageBytesMax;
            options.EnableDetailedErrors = environment.IsDevelopment();
            options.Interceptors.Add<ErrorInterceptor>();
        });
        services.AddGrpcReflection();
        services.AddMusicCollectiveHealthChecks();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton(new KnownGigs());
        services.AddMusicCollectiveAuth(auth, environment);
        return services;
    }
}
