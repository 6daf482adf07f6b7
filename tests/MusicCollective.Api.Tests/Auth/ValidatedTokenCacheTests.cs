using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MusicCollective.Grpc.Auth;

namespace MusicCollective.Api.Tests.Auth;

/// <summary>
/// The server checks a bearer token once and remembers it passed: only tokens that passed, never past their expiry or
/// <see cref="ValidatedTokenCache.RememberedFor"/>, each call with its own identity. The real validator (the server's
/// parameters and JWT handler) runs underneath and counts how often it is asked.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private readonly ManualClock _clock = new();
    private readonly CountingValidator _validator = new();
    private readonly TokenValidationParameters _parameters = AuthServiceCollectionExtensions.ValidationParametersFor(Tokens.Settings);

    /// <summary>Proves a valid token is checked once, then answered from memory with the same subject and role.</summary>
    [Fact]
    public async Task A_valid_token_is_checked_once()
    {
        var cache = new ValidatedTokenCache(_validator, _clock);
        var token = Tokens.Partner("booking-app");

        var first = await cache.ValidateTokenAsync(token, _parameters);
        var second = await cache.ValidateTokenAsync(token, _parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _validator.Calls);
        Assert.Equal("booking-app", second.ClaimsIdentity.FindFirst(Caller.SubjectClaim)?.Value);
        Assert.Equal(Roles.Partner, second.ClaimsIdentity.FindFirst(Caller.RoleClaim)?.Value);
        Assert.Equal(first.SecurityToken.ValidTo, second.SecurityToken.ValidTo);
    }

    /// <summary>Proves refused tokens (forged, expired, other audience) are checked again on every call and stay refused.</summary>
    [Fact]
    public async Task A_refused_token_is_never_remembered()
    {
        var cache = new ValidatedTokenCache(_validator, _clock);
        string[] refused = [Tokens.Forged(Roles.Admin, "mallory"), Tokens.Expired(Roles.Admin, "a"), Tokens.OtherAudience(Roles.Admin, "a")];

        foreach (var token in refused)
        {
            Assert.False((await cache.ValidateTokenAsync(token, _parameters)).IsValid);
            Assert.False((await cache.ValidateTokenAsync(token, _parameters)).IsValid);
        }

        Assert.Equal(2 * refused.Length, _validator.Calls);
    }

    /// <summary>Proves a remembered token is checked again once it expires, and after RememberedFor at the latest.</summary>
    [Fact]
    public async Task A_token_is_checked_again_at_its_expiry_and_after_the_remembered_time()
    {
        var cache = new ValidatedTokenCache(_validator, _clock);
        var shortLived = new TokenIssuer(Tokens.Settings, TimeProvider.System).Issue("alice", Roles.Member, TimeSpan.FromMinutes(2));
        var longLived = Tokens.Member("bob");
        await cache.ValidateTokenAsync(shortLived.Token, _parameters);
        await cache.ValidateTokenAsync(longLived, _parameters);

        _clock.Now = shortLived.ExpireTime.AddSeconds(-1);
        await cache.ValidateTokenAsync(shortLived.Token, _parameters);
        Assert.Equal(2, _validator.Calls);
        _clock.Now = shortLived.ExpireTime;
        await cache.ValidateTokenAsync(shortLived.Token, _parameters);
        Assert.Equal(3, _validator.Calls);

        _clock.Now = TimeProvider.System.GetUtcNow() + ValidatedTokenCache.RememberedFor;
        await cache.ValidateTokenAsync(longLived, _parameters);
        Assert.Equal(4, _validator.Calls);
    }

    /// <summary>Proves each call gets its own identity: a claim one request adds, whether the token was checked for it or remembered, does not reach the next.</summary>
    [Fact]
    public async Task Each_call_gets_its_own_identity()
    {
        var cache = new ValidatedTokenCache(_validator, _clock);
        var token = Tokens.Admin();

        var checkedFor = await cache.ValidateTokenAsync(token, _parameters);
        checkedFor.ClaimsIdentity.AddClaim(new Claim("added-by-the-first-request", "x"));
        var remembered = await cache.ValidateTokenAsync(token, _parameters);
        remembered.ClaimsIdentity.AddClaim(new Claim("added-by-the-second-request", "x"));
        var next = await cache.ValidateTokenAsync(token, _parameters);

        Assert.Equal(1, _validator.Calls);
        Assert.NotSame(remembered.ClaimsIdentity, next.ClaimsIdentity);
        Assert.Null(next.ClaimsIdentity.FindFirst("added-by-the-first-request"));
        Assert.Null(next.ClaimsIdentity.FindFirst("added-by-the-second-request"));
        Assert.Equal("test-admin", next.ClaimsIdentity.FindFirst(Caller.SubjectClaim)?.Value);
    }

    /// <summary>Proves a full memory starts over instead of growing: every token is still answered correctly, the old ones checked again.</summary>
    [Fact]
    public async Task A_full_memory_starts_over()
    {
        var cache = new ValidatedTokenCache(_validator, _clock, capacity: 2);
        var tokens = new[] { "a", "b", "c" }.Select(Tokens.Member).ToArray();

        foreach (var token in tokens) Assert.True((await cache.ValidateTokenAsync(token, _parameters)).IsValid);
        var again = await cache.ValidateTokenAsync(tokens[0], _parameters);

        Assert.True(again.IsValid);
        Assert.Equal("a", again.ClaimsIdentity.FindFirst(Caller.SubjectClaim)?.Value);
        Assert.Equal(4, _validator.Calls);
    }

    private sealed class CountingValidator : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
        private int _calls;

        public int Calls => _calls;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _calls);
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
