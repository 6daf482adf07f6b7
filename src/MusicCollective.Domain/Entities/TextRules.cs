using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Entities;

/// <summary>Required free text (names, venues, descriptions): not blank, bounded in length.</summary>
public static class TextRules
{
    /// <summary>Adds an error naming <paramref name="field"/> when the text is blank or too long.</summary>
    public static void Check(string? text, string field, int lengthMax, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(DomainErrorCode.Required, field, $"{field} is required"));
        }
        else if (text.Length > lengthMax)
        {
            errors.Add(new(DomainErrorCode.LimitExceeded, field, $"{field} is at most {lengthMax} characters"));
        }
    }
}
