using Grpc.Core;
using MusicCollective.Api.V1;
using MusicCollective.Grpc.Auth;
using MusicCollective.Grpc.Errors;
using MusicCollective.Grpc.Mapping;

namespace MusicCollective.Grpc.Services;

/// <summary>
/// DevService: mints tokens with the development key so a fresh install can create its first admin. Mapped only in
/// the Development environment (see <see cref="Hosting.GrpcEndpointExtensions"/>); unauthenticated on purpose.
/// </summary>
public sealed class DevGrpcService(TokenIssuer issuer) : DevService.DevServiceBase
{
    /// <summary>Lifetime of a token when the request names none.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public override Task<IssueDevTokenResponse> IssueDevToken(IssueDevTokenRequest request, ServerCallContext context)
    {
        if (!Roles.All.Contains(request.Role))
        {
            throw GrpcErrors.InvalidArgument("role", $"role must be one of {string.Join(", ", Roles.All.Order())}");
        }
        var subject = string.IsNullOrEmpty(request.Subject) ? request.Role : request.Subject;
        if (request.Role is Roles.Member or Roles.Partner or Roles.Label) RequestIds.Require((subject, "subject"));
        var lifetime = request.TtlSeconds == 0 ? DefaultLifetime : TimeSpan.FromSeconds(request.TtlSeconds);
        if (lifetime <= TimeSpan.Zero || lifetime > TokenIssuer.LifetimeMax)
        {
            throw GrpcErrors.InvalidArgument("ttl_seconds", $"ttl_seconds must be between 1 and {(int)TokenIssuer.LifetimeMax.TotalSeconds}");
        }
        var (token, expires) = issuer.Issue(subject, request.Role, lifetime);
        return Task.FromResult(new IssueDevTokenResponse { Token = token, ExpireTime = ProtoDates.ToProto(expires) });
    }
}
