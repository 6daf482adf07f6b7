using MusicCollective.Domain.Errors;

namespace MusicCollective.Grpc.Mapping;

/// <summary>
/// Collects the field errors of several conversions, so a request with more than one bad field is refused naming all
/// of them (DOMAIN.md, Bad input), not only the first one a converter happened to meet.
/// </summary>
public static class FieldErrors
{
    /// <summary>Runs <paramref name="convert"/>; on a domain error adds its errors to <paramref name="errors"/> and returns false.</summary>
    public static bool TryConvert<T>(Func<T> convert, List<DomainError> errors, out T value)
    {
        try
        {
            value = convert();
            return true;
        }
        catch (DomainException exception)
        {
            errors.AddRange(exception.Errors);
            value = default!;
            return false;
        }
    }
}
