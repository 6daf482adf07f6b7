using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Recordings;

/// <summary>
/// An International Standard Recording Code: 12 characters, CC-XXX-YY-NNNNN without dashes (country code: 2 letters;
/// registrant: 3 letters or digits; year: 2 digits; designation: 5 digits). Parsing accepts the dashed form and lower
/// case and stores the canonical 12 upper-case characters. Equality is on that canonical form.
/// </summary>
public sealed record Isrc
{
    private Isrc(string value) => Value = value;

    /// <summary>The canonical 12-character code, e.g. <c>NLA1D2400001</c>.</summary>
    public string Value { get; }

    /// <summary>Parses an ISRC; throws <see cref="DomainErrorCode.MalformedIsrc"/> naming <paramref name="field"/>.</summary>
    public static Isrc Parse(string? text, string field = "isrc")
    {
        if (TryParse(text, out var isrc)) return isrc;
        throw new DomainException(DomainErrorCode.MalformedIsrc, field,
            "an ISRC is 12 characters: country (2 letters), registrant (3 letters or digits), year (2 digits), number (5 digits)");
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string? text, out Isrc isrc)
    {
        isrc = null!;
        if (text is null || (text.Length != 12 && !IsDashedForm(text))) return false;
        var canonical = text.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (canonical.Length != 12) return false;
        for (var i = 0; i < 12; i++)
        {
            var c = canonical[i];
            var ok = i switch
            {
                < 2 => char.IsAsciiLetterUpper(c),
                < 5 => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c),
                _ => char.IsAsciiDigit(c),
            };
            if (!ok) return false;
        }
        isrc = new Isrc(canonical);
        return true;
    }

    // CC-XXX-YY-NNNNN: 15 characters with dashes exactly after the country, registrant and year, nowhere else.
    private static bool IsDashedForm(string text) =>
        text.Length == 15 && text[2] == '-' && text[6] == '-' && text[9] == '-';

    /// <inheritdoc />
    public override string ToString() => Value;
}
