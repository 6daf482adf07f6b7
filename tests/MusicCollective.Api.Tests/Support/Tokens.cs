using MusicCollective.Grpc.Auth;

namespace MusicCollective.Api.Tests.Support;

/// <summary>
/// Bearer tokens for tests, minted with <see cref="TokenIssuer"/> and the same <see cref="AuthSettings"/> the test
/// servers run with; plus tokens the server must refuse (expired, signed with another key, for another audience).
/// </summary>
public static class Tokens
{
    /// <summary>The signing key every test server is started with (HS256 needs at least 32 bytes).</summary>
    public const string SigningKey = "music-collective-api-tests-signing-key-0123456789abcdef";

    /// <summary>The servers' auth settings (default issuer and audience).</summary>
    public static readonly AuthSettings Settings = new() { SigningKey = SigningKey };

    /// <summary>How long a valid test token lives.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static readonly TokenIssuer Issuer = new(Settings, TimeProvider.System);

    /// <summary>A valid token for <paramref name="subject"/> in <paramref name="role"/>.</summary>
    public static string For(string role, string subject) => Issuer.Issue(subject, role, Lifetime).Token;

    /// <summary>An admin's token.</summary>
    public static string Admin() => For(Roles.Admin, "test-admin");

    /// <summary>A treasurer's token.</summary>
    public static string Treasurer() => For(Roles.Treasurer, "test-treasurer");

    /// <summary>A member's token (the subject is the member id).</summary>
    public static string Member(string memberId) => For(Roles.Member, memberId);

    /// <summary>A partner app's token.</summary>
    public static string Partner(string partnerId) => For(Roles.Partner, partnerId);

    /// <summary>A label's token.</summary>
    public static string Label(string labelId) => For(Roles.Label, labelId);

    /// <summary>
    /// A correctly signed token that expired an hour ago (well beyond the server's clock skew): issued two hours ago
    /// by an issuer whose clock runs two hours behind, with a one-hour lifetime.
    /// </summary>
    public static string Expired(string role, string subject) =>
        new TokenIssuer(Settings, new ShiftedClock(TimeSpan.FromHours(-2))).Issue(subject, role, Lifetime).Token;

    /// <summary>A token with the right issuer, audience and claims, signed with another key.</summary>
    public static string Forged(string role, string subject) =>
        new TokenIssuer(Settings with { SigningKey = "another-key-that-the-server-has-never-seen-0123456789" },
            TimeProvider.System).Issue(subject, role, Lifetime).Token;

    /// <summary>A token signed with the right key but for another audience.</summary>
    public static string OtherAudience(string role, string subject) =>
        new TokenIssuer(Settings with { Audience = "another-service" }, TimeProvider.System).Issue(subject, role, Lifetime).Token;

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
