using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Entities;

/// <summary>
/// Rules for ids chosen by people (member, band, gig, partner ids): 1–64 characters of lower-case letters, digits and
/// '-', starting with a letter or digit. Such ids appear in account names (member/alice) and persistence ids, so
/// they must never contain '/' or spaces.
/// </summary>
public static class EntityIds
{
    /// <summary>Longest id.</summary>
    public const int LengthMax = 64;

    /// <summary>True when <paramref name="id"/> follows the rules.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > LengthMax || id[0] == '-') return false;
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return false;
        }
        return true;
    }

    /// <summary>Adds an error naming <paramref name="field"/> when <paramref name="id"/> is not valid.</summary>
    public static void Check(string? id, string field, List<DomainError> errors)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(new(DomainErrorCode.Required, field, $"{field} is required"));
        }
        else if (!IsValid(id))
        {
            errors.Add(new(DomainErrorCode.MalformedId, field,
                $"{field} must be 1–{LengthMax} characters of a–z, 0–9 and '-', not starting with '-'"));
        }
    }
}
