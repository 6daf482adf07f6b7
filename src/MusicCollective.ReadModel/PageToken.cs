using System.Buffers.Text;
using System.Text.Json;

namespace MusicCollective.ReadModel;

/// <summary>
/// Opaque keyset page tokens: base64url of a JSON array <c>[list, filter…, last key…]</c>. The list name and the
/// filters are inside, so a token only continues the list it came from. A token is only ever parsed into values
/// that are bound as SQL parameters, never spliced into SQL.
/// </summary>
internal static class PageToken
{
    /// <summary>Longest token accepted (characters); ours are far shorter.</summary>
    public const int LengthMax = 4096;

    public static string Encode(IReadOnlyList<string?> scope, IReadOnlyList<string> key)
    {
        string?[] parts = [.. scope, .. key];
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(parts));
    }

    /// <summary>
    /// The key parts of <paramref name="token"/>, or null for no token (the first page). Throws
    /// <see cref="InvalidPageTokenException"/> unless the token was issued for exactly <paramref name="scope"/>.
    /// </summary>
    public static string[]? Decode(string? token, IReadOnlyList<string?> scope, int keyLength)
    {
        if (string.IsNullOrEmpty(token)) return null;
        if (token.Length > LengthMax) throw new InvalidPageTokenException("it is too long");
        string?[]? parts;
        try
        {
            parts = JsonSerializer.Deserialize<string?[]>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new InvalidPageTokenException("it is malformed", e);
        }
        if (parts is null || parts.Length != scope.Count + keyLength)
        {
            throw new InvalidPageTokenException("it is malformed");
        }
        for (var i = 0; i < scope.Count; i++)
        {
            if (!string.Equals(parts[i], scope[i], StringComparison.Ordinal))
            {
                throw new InvalidPageTokenException("it was issued for another list or other filters");
            }
        }
        var key = new string[keyLength];
        for (var i = 0; i < keyLength; i++)
        {
            key[i] = parts[scope.Count + i] ?? throw new InvalidPageTokenException("it is malformed");
        }
        return key;
    }

    /// <summary>Rows to return: the default for 0, at most <see cref="IReadModelStore.PageSizeMax"/>.</summary>
    public static int EffectivePageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageSize);
        return pageSize == 0 ? IReadModelStore.PageSizeDefault : Math.Min(pageSize, IReadModelStore.PageSizeMax);
    }
}
