namespace MusicCollective.Api.Tests.Support;

/// <summary>Inline tweaks of a request, so each bad-input case reads as "the valid request, but with this field wrong".</summary>
public static class Tweaks
{
    /// <summary>Runs <paramref name="change"/> on <paramref name="value"/> and returns it.</summary>
    public static T Also<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }
}
