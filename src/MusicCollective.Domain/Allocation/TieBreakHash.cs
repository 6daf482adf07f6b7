using System.Text;

namespace MusicCollective.Domain.Allocation;

/// <summary>
/// A 64-bit hash of (allocation key, recipient id) that is the same on every process, machine and .NET version:
/// FNV-1a over the UTF-8 bytes of the key, a 0 separator byte and the id, then the SplitMix64 finaliser to spread the
/// bits. Used only to order recipients whose fractional shares tie. Never <c>string.GetHashCode</c>, which is seeded
/// per process. Allocation-free: both strings are encoded on the stack.
/// </summary>
public static class TieBreakHash
{
    private const ulong FnvOffsetBasis = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The hash state after the key and the separator; continue it per recipient with <see cref="Finish"/>.</summary>
    public static ulong Begin(string allocationKey)
    {
        var state = Append(FnvOffsetBasis, allocationKey);
        return unchecked((state ^ 0) * FnvPrime);
    }

    /// <summary>The tie-break hash of the recipient under the key that produced <paramref name="keyState"/>.</summary>
    public static ulong Finish(ulong keyState, string recipientId) => Mix(Append(keyState, recipientId));

    /// <summary>The tie-break hash of (<paramref name="allocationKey"/>, <paramref name="recipientId"/>).</summary>
    public static ulong Of(string allocationKey, string recipientId) => Finish(Begin(allocationKey), recipientId);

    private static ulong Append(ulong state, string text)
    {
        var start = state;
        unchecked
        {
            foreach (var c in text)
            {
                if (c < 0x80)
                {
                    state = (state ^ c) * FnvPrime;
                    continue;
                }
                return AppendUtf8(start, text);
            }
            return state;
        }
    }

    // Rare path: text with non-ASCII characters is hashed over its real UTF-8 bytes (invalid surrogates become U+FFFD,
    // as Encoding.UTF8 does), so the hash does not depend on how the platform stores strings.
    private static ulong AppendUtf8(ulong state, string text)
    {
        const int StackBytesMax = 512;
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var bytes = byteCount <= StackBytesMax ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, bytes);
        unchecked
        {
            foreach (var b in bytes) state = (state ^ b) * FnvPrime;
        }
        return state;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
