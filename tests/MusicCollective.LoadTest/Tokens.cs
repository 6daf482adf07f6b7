using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MusicCollective.LoadTest;

/// <summary>
/// Mints the bearer tokens the benchmark calls with, signed (HS256) with a random key handed to the server as
/// <c>Auth__SigningKey</c>; issuer and audience are the server's defaults. No development endpoint is needed, so the
/// server runs in the Production environment.
/// </summary>
public sealed class Tokens
{
    /// <summary>Issuer and audience the server checks by default.</summary>
    public const string IssuerAndAudience = "music-collective";

    /// <summary>A fresh random signing key of 48 bytes (as text: 64 base64 characters).</summary>
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>A token for <paramref name="subject"/> in <paramref name="role"/>, valid for <paramref name="lifetime"/>.</summary>
    public string Issue(string subject, string role, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = IssuerAndAudience,
            Audience = IssuerAndAudience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)),
                SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
