namespace MusicCollective.Domain.Members;

/// <summary>IBAN check (ISO 13616): country letters, two check digits, up to 30 letters or digits, mod-97 equals 1.</summary>
public static class Iban
{
    /// <summary>True for a well-formed IBAN without spaces whose check digits verify.</summary>
    public static bool IsValid(string? iban)
    {
        if (iban is null || iban.Length < 15 || iban.Length > 34) return false;
        if (!char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])) return false;
        if (!char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])) return false;
        var remainder = 0;
        // Move the first four characters to the end, turn letters into 10..35, and take the number mod 97 digit by digit.
        foreach (var c in iban[4..] + iban[..4])
        {
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }
}
