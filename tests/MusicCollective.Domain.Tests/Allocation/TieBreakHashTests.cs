using System.Text;
using CsCheck;
using MusicCollective.Domain.Allocation;
using static MusicCollective.Domain.Tests.Generators;

namespace MusicCollective.Domain.Tests.Allocation;

/// <summary>
/// The tie-break hash must never change: stored settlements were computed with it, and a re-run must give the same
/// answer on every machine and .NET version. These values were computed once and are pinned.
/// </summary>
public sealed class TieBreakHashTests
{
    // Proves the hash of fixed (key, id) pairs, ASCII and non-ASCII, is exactly the pinned value (any algorithm change fails).
    [Theory]
    [InlineData("gig-1", "m1", 1041091688739733191UL)]
    [InlineData("gig-1", "m2", 7881271863857448051UL)]
    [InlineData("statement-7/NLA1D2400001", "zoë", 7452086581405251070UL)]
    [InlineData("gig-ü", "Ærø 😀", 3429626505783534987UL)]
    [InlineData("", "", 2737183428366584608UL)]
    public void Pinned_values_never_change(string key, string id, ulong expected)
    {
        Assert.Equal(expected, TieBreakHash.Of(key, id));
        Assert.Equal(expected, TieBreakHash.Finish(TieBreakHash.Begin(key), id));
    }

    // Proves the pinned values are FNV-1a over UTF-8(key) · 0x00 · UTF-8(id) followed by the SplitMix64 finaliser.
    [Theory]
    [InlineData("gig-1", "m1")]
    [InlineData("statement-7/NLA1D2400001", "zoë")]
    [InlineData("gig-ü", "Ærø 😀")]
    public void Matches_the_documented_algorithm(string key, string id)
    {
        Assert.Equal(Reference(key, id), TieBreakHash.Of(key, id));
    }

    // Proves a non-ASCII id hashes by its UTF-8 bytes: "é" is hashed as C3 A9, not as the UTF-16 unit 0xE9.
    [Fact]
    public void Non_ascii_ids_hash_by_utf8_bytes()
    {
        Assert.Equal(Reference("gig-1", [0xC3, 0xA9]), TieBreakHash.Of("gig-1", "é"));
        Assert.NotEqual(Reference("gig-1", [0xE9]), TieBreakHash.Of("gig-1", "é"));
        // Precomposed é and e + combining acute are different byte strings, so different hashes: no normalisation happens.
        Assert.NotEqual(TieBreakHash.Of("gig-1", "\u00E9"), TieBreakHash.Of("gig-1", "e\u0301"));
        // A lone surrogate is hashed as U+FFFD (EF BF BD), as Encoding.UTF8 encodes it.
        Assert.Equal(Reference("gig-1", [0xEF, 0xBF, 0xBD]), TieBreakHash.Of("gig-1", "\uD800"));
    }

    // Proves a long non-ASCII id (beyond the 512-byte stack buffer) hashes like the reference.
    [Fact]
    public void Long_non_ascii_ids_hash_by_utf8_bytes()
    {
        var id = string.Concat(Enumerable.Repeat("Dvořák-ø-😀-", 60));
        Assert.True(Encoding.UTF8.GetByteCount(id) > 512);

        Assert.Equal(Reference("gig-long", id), TieBreakHash.Of("gig-long", id));
    }

    // Proves the separator byte keeps key and id apart: ("ab", "c") and ("a", "bc") hash differently.
    [Fact]
    public void Key_and_id_are_separated()
    {
        Assert.NotEqual(TieBreakHash.Of("ab", "c"), TieBreakHash.Of("a", "bc"));
    }

    // Proves for random Unicode keys and ids that the hash is the documented algorithm and Begin/Finish equals Of.
    [Fact]
    public void Random_strings_match_the_documented_algorithm()
    {
        Gen.Select(Gen.String[0, 40], Gen.String[0, 40]).Sample((key, id) =>
        {
            var hash = TieBreakHash.Of(key, id);

            Assert.Equal(Reference(key, id), hash);
            Assert.Equal(hash, TieBreakHash.Finish(TieBreakHash.Begin(key), id));
        }, iter: PropertyIterations);
    }

    private static ulong Reference(string key, string id) => Reference(key, Encoding.UTF8.GetBytes(id));

    // An independent implementation of the documented hash, written from its description.
    private static ulong Reference(string key, byte[] idBytes)
    {
        const ulong offsetBasis = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        byte[] bytes = [.. Encoding.UTF8.GetBytes(key), 0, .. idBytes];
        var state = offsetBasis;
        unchecked
        {
            foreach (var b in bytes) state = (state ^ b) * prime;
            state = (state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL;
            state = (state ^ (state >> 27)) * 0x94D049BB133111EBUL;
            return state ^ (state >> 31);
        }
    }
}
