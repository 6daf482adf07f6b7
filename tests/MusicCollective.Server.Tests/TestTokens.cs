using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MusicCollective.Server.Tests;

/// <summary>Mints the HS256 bearer tokens the server accepts when it is started with <see cref="SigningKey"/>.</summary>
internal sealed class TestTokens
{
    /// <summary>Issuer and audience the server checks (appsettings.json).</summary>
    public const string IssuerAndAudience = "music-collective";

    /// <summary>A key of its own per test run (at least 32 bytes), passed to the server as Auth__SigningKey.</summary>
    public string SigningKey { get; } = $"crash-test-key-{Guid.NewGuid():N}-{Guid.NewGuid():N}";

    /// <summary>A token for <paramref name="subject"/> in <paramref name="role"/>, valid for a few hours.</summary>
    public string Mint(string subject, string role)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = IssuerAndAudience,
            Audience = IssuerAndAudience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(3),
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)),
                SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
