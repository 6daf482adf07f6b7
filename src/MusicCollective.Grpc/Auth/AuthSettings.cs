namespace MusicCollective.Grpc.Auth;

/// <summary>
/// How tokens are checked. Either a symmetric signing key (HS256; at least 32 bytes) or, for production, an OIDC
/// authority whose published keys sign the tokens. Issuer and audience are always checked.
/// </summary>
public sealed record AuthSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Auth";

    /// <summary>Shortest signing key accepted, in bytes (HS256 needs 256 bits).</summary>
    public const int SigningKeyBytesMin = 32;

    /// <summary>The development signing key. The server refuses to start with it outside Development.</summary>
    public const string DevelopmentSigningKey = "music-collective-development-signing-key-not-for-production";

    /// <summary>Symmetric signing key (UTF-8 text).</summary>
    public string? SigningKey { get; init; }

    /// <summary>OIDC authority (issuer URL) for production; its keys replace the signing key.</summary>
    public string? Authority { get; init; }

    /// <summary>Expected "iss".</summary>
    public string Issuer { get; init; } = "music-collective";

    /// <summary>Expected "aud".</summary>
    public string Audience { get; init; } = "music-collective";
}
