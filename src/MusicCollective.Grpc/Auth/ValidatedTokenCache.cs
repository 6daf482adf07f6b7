using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace MusicCollective.Grpc.Auth;

/// <summary>
/// Remembers the bearer tokens that passed validation, so a token is parsed and its signature checked once rather than
/// on every call: a partner app or the CLI sends the same token with every call for its whole lifetime.
/// Only a token that passed is remembered, and never past its own expiry or <see cref="RememberedFor"/> after it was
/// checked (so a signing key an OIDC authority withdraws stops being honoured within that time). The memory keeps its
/// own copy of the identity and every call gets a copy of that: nothing one request does to its identity reaches
/// another. Tokens are told apart by their text alone, so one cache serves one authentication scheme (one set of
/// validation parameters), as the server has.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler validator, TimeProvider clock, int capacity = ValidatedTokenCache.CapacityDefault)
    : TokenHandler
{
    /// <summary>How many tokens are remembered at most; beyond that the memory starts over.</summary>
    public const int CapacityDefault = 10_000;

    /// <summary>The longest a validation is trusted without checking the token again.</summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_validated.TryGetValue(token, out var known) && now < known.Until) return known.Copy();
        var result = await validator.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid) Remember(token, result, now);
        return result;
    }

    private void Remember(string token, TokenValidationResult result, DateTimeOffset now)
    {
        var expires = new DateTimeOffset(DateTime.SpecifyKind(result.SecurityToken.ValidTo, DateTimeKind.Utc));
        var until = expires < now + RememberedFor ? expires : now + RememberedFor;
        if (until <= now) return;
        if (_validated.Count >= capacity) Forget(now);
        _validated[token] = new Validated(result.ClaimsIdentity.Clone(), result.SecurityToken, result.Issuer, result.TokenType, until);
    }

    // Rare (only when a new token arrives with the memory full): drop what has run out; if nothing has, start over.
    private void Forget(DateTimeOffset now)
    {
        foreach (var (token, validated) in _validated)
        {
            if (validated.Until <= now) _validated.TryRemove(token, out _);
        }
        if (_validated.Count >= capacity) _validated.Clear();
    }

    private sealed record Validated(ClaimsIdentity Identity, SecurityToken Token, string Issuer, string TokenType,
        DateTimeOffset Until)
    {
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Token,
            Issuer = Issuer,
            TokenType = TokenType,
        };
    }
}
