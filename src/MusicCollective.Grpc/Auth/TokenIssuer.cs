using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MusicCollective.Grpc.Auth;

/// <summary>Mints HS256 tokens with the configured signing key: for the development bootstrap and for tests.</summary>
public sealed class TokenIssuer(AuthSettings settings, TimeProvider clock)
{
    /// <summary>Longest lifetime a minted token may have.</summary>
    public static readonly TimeSpan LifetimeMax = TimeSpan.FromDays(30);

    /// <summary>A signed token for <paramref name="subject"/> in <paramref name="role"/>, valid for <paramref name="lifetime"/>.</summary>
    public (string Token, DateTimeOffset ExpireTime) Issue(string subject, string role, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim(Caller.SubjectClaim, subject), new Claim(Caller.RoleClaim, role)]),
            SigningCredentials = new SigningCredentials(AuthServiceCollectionExtensions.SigningKeyOf(settings), SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}
