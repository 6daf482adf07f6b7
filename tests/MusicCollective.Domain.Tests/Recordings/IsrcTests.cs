using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Recordings;

namespace MusicCollective.Domain.Tests.Recordings;

public sealed class IsrcTests
{
    // Proves valid ISRCs (plain, dashed CC-XXX-YY-NNNNN, lower case) parse to the canonical 12 upper-case characters.
    [Theory]
    [InlineData("NLA1D2400001", "NLA1D2400001")]
    [InlineData("NL-A1D-24-00001", "NLA1D2400001")]
    [InlineData("nla1d2400001", "NLA1D2400001")]
    [InlineData("nl-a1d-24-00001", "NLA1D2400001")]
    [InlineData("USRC17607839", "USRC17607839")]
    [InlineData("GB1239900001", "GB1239900001")]
    public void Valid_codes_parse_to_canonical_form(string text, string canonical)
    {
        var isrc = Isrc.Parse(text);

        Assert.Equal(canonical, isrc.Value);
        Assert.Equal(canonical, isrc.ToString());
        Assert.Equal(Isrc.Parse(canonical), isrc);
    }

    // Proves malformed ISRCs are MalformedIsrc naming the field: wrong length, wrong character classes, spaces, stray or misplaced dashes, non-ASCII.
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("NLA1D240001")]
    [InlineData("NLA1D24000012")]
    [InlineData("1LA1D2400001")]
    [InlineData("N1A1D2400001")]
    [InlineData("NL_1D2400001")]
    [InlineData("NLA1D2X00001")]
    [InlineData("NLA1D240000X")]
    [InlineData(" NLA1D2400001")]
    [InlineData("NLA1D2400001 ")]
    [InlineData("NL A1D 24 00001")]
    [InlineData("NLA-1D-24-00001")]
    [InlineData("--NLA1D2400001")]
    [InlineData("NLA1D2400001-")]
    [InlineData("N-L-A1D2400001")]
    [InlineData("NL-A1D-2400001")]
    [InlineData("NL--A1D2400001")]
    [InlineData("ÑLA1D2400001")]
    [InlineData("ıSA1D2400001")]
    [InlineData("NLA1D24０0001")]
    [InlineData("NL-A1D-24-00001-")]
    public void Malformed_codes_are_refused(string? text)
    {
        DomainAssert.Fails(DomainErrorCode.MalformedIsrc, "lines[3].isrc", () => Isrc.Parse(text, "lines[3].isrc"));
        Assert.False(Isrc.TryParse(text, out _));
    }
}
