using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MusicCollective.Testing;

/// <summary>
/// Mints HS256 bearer tokens for a server started as a separate process with <see cref="SigningKey"/> as its
/// <c>Auth__SigningKey</c>; issuer and audience are the server's defaults. No development endpoint is needed, so such
/// a server can run in the Production environment.
/// </summary>
public sealed class BearerTokens
{
    /// <summary>Issuer and audience the server checks by default (appsettings.json).</summary>
    public const string IssuerAndAudience = "music-collective";

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(4);

    /// <summary>A fresh random signing key of 48 bytes (as text: 64 base64 characters), one per instance.</summary>
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>A token for <paramref name="subject"/> in <paramref name="role"/>, valid for <paramref name="lifetime"/> (4 hours by default).</summary>
    public string Issue(string subject, string role, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = IssuerAndAudience,
            Audience = IssuerAndAudience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? DefaultLifetime),
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)),
                SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
