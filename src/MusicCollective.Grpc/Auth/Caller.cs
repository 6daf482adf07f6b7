using System.Security.Claims;
using Grpc.Core;

namespace MusicCollective.Grpc.Auth;

/// <summary>Who is calling: the token's subject and role. Built from the authenticated principal of a call.</summary>
public sealed record Caller(string Subject, string Role)
{
    /// <summary>The claim holding the role.</summary>
    public const string RoleClaim = "role";

    /// <summary>The claim holding the subject.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>The caller of <paramref name="context"/>; a token without subject or known role is unauthenticated.</summary>
    public static Caller From(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var subject = user.FindFirstValue(SubjectClaim) ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = user.FindFirstValue(RoleClaim) ?? user.FindFirstValue(ClaimTypes.Role);
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(subject) || role is null || !Roles.All.Contains(role))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "a valid bearer token with a subject and a role is required"));
        }
        return new Caller(subject, role);
    }

    /// <summary>True for an admin.</summary>
    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>True for an admin or a treasurer: they may read every member's money.</summary>
    public bool IsOfficer => Role is Roles.Admin or Roles.Treasurer;

    /// <summary>True when the caller is the member <paramref name="memberId"/>.</summary>
    public bool IsMember(string memberId) => Role == Roles.Member && Subject == memberId;
}
