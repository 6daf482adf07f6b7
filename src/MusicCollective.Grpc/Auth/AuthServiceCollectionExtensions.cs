using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MusicCollective.Grpc.Auth;

/// <summary>JWT bearer authentication for the gRPC API.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>How much clock difference between issuer and server is tolerated.</summary>
    public static readonly TimeSpan ClockSkewMax = TimeSpan.FromSeconds(30);

    /// <summary>Adds bearer authentication; refuses the development key outside Development.</summary>
    public static IServiceCollection AddMusicCollectiveAuth(this IServiceCollection services, AuthSettings settings,
        IHostEnvironment environment)
    {
        if (settings.Authority is null)
        {
            if (string.IsNullOrEmpty(settings.SigningKey) || Encoding.UTF8.GetByteCount(settings.SigningKey) < AuthSettings.SigningKeyBytesMin)
            {
                throw new InvalidOperationException(
                    $"Auth:SigningKey must be at least {AuthSettings.SigningKeyBytesMin} bytes (or set Auth:Authority)");
            }
            if (settings.SigningKey == AuthSettings.DevelopmentSigningKey && !environment.IsDevelopment())
            {
                throw new InvalidOperationException("the development signing key is refused outside the Development environment");
            }
        }
        services.AddSingleton(settings);
        services.AddAuthorization();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            // The same checks, made once per token rather than once per call (see ValidatedTokenCache for how long).
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new ValidatedTokenCache(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System));
            options.Authority = settings.Authority;
            options.RequireHttpsMetadata = settings.Authority?.StartsWith("https://", StringComparison.Ordinal) ?? false;
            options.TokenValidationParameters = ValidationParametersFor(settings);
        });
        return services;
    }

    /// <summary>What a token must satisfy: issuer, audience, lifetime (with <see cref="ClockSkewMax"/>) and signature.</summary>
    public static TokenValidationParameters ValidationParametersFor(AuthSettings settings) => new()
    {
        ValidIssuer = settings.Authority ?? settings.Issuer,
        ValidAudience = settings.Audience,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkewMax,
        NameClaimType = Caller.SubjectClaim,
        RoleClaimType = Caller.RoleClaim,
        IssuerSigningKey = settings.Authority is null ? SigningKeyOf(settings) : null,
        ValidateIssuerSigningKey = true,
    };

    /// <summary>The symmetric key tokens are signed and checked with.</summary>
    public static SymmetricSecurityKey SigningKeyOf(AuthSettings settings) =>
        new(Encoding.UTF8.GetBytes(settings.SigningKey ?? throw new InvalidOperationException("no signing key configured")));
}
