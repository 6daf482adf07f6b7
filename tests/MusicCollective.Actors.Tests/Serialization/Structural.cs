using System.Collections;
using System.Globalization;
using System.Reflection;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>
/// Deep comparison by value of message graphs. Records compare their lists by reference, so a deserialised copy is
/// never Equal to the original; this walks public properties and sequences instead. Decimals must match with their
/// scale (1.50 is not 1.5) and times with their offset, because both are what was stored.
/// </summary>
internal static class Structural
{
    /// <summary>Fails naming the first path where <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public static void AssertEqual(object? expected, object? actual)
    {
        var difference = Difference(expected, actual, "$");
        Assert.True(difference is null, difference);
    }

    /// <summary>True for values compared as a whole rather than walked.</summary>
    public static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) ||
        type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Guid);

    /// <summary>Public instance properties that hold data (no indexers).</summary>
    public static IEnumerable<PropertyInfo> DataProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead);

    private static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}";
        }
        if (expected is decimal expectedDecimal)
        {
            return actual is decimal actualDecimal &&
                   expectedDecimal.ToString(CultureInfo.InvariantCulture) == actualDecimal.ToString(CultureInfo.InvariantCulture)
                ? null : $"{path}: expected {expectedDecimal}, got {actual}";
        }
        if (expected is DateTimeOffset expectedTime)
        {
            return actual is DateTimeOffset actualTime && expectedTime.EqualsExact(actualTime)
                ? null : $"{path}: expected {expectedTime:O}, got {actual:O}";
        }
        if (IsLeaf(expected.GetType())) return expected.Equals(actual) ? null : $"{path}: expected {expected}, got {actual}";
        if (expected is IDictionary expectedDictionary) return DictionaryDifference(expectedDictionary, actual, path);
        if (expected is IEnumerable expectedSequence) return SequenceDifference(expectedSequence, actual, path);
        if (expected.GetType() != actual.GetType()) return $"{path}: expected {expected.GetType().Name}, got {actual.GetType().Name}";
        foreach (var property in DataProperties(expected.GetType()))
        {
            if (Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } d) return d;
        }
        return null;
    }

    private static string? DictionaryDifference(IDictionary expected, object actual, string path)
    {
        if (actual is not IDictionary dictionary || dictionary.Count != expected.Count) return $"{path}: dictionaries differ in size";
        foreach (DictionaryEntry entry in expected)
        {
            if (!dictionary.Contains(entry.Key)) return $"{path}[{entry.Key}]: missing";
            if (Difference(entry.Value, dictionary[entry.Key], $"{path}[{entry.Key}]") is { } d) return d;
        }
        return null;
    }

    // A list read back may be another collection type (an array written, a List read): only the items matter.
    private static string? SequenceDifference(IEnumerable expected, object actual, string path)
    {
        if (actual is not IEnumerable sequence) return $"{path}: expected a sequence, got {actual.GetType().Name}";
        var expectedItems = expected.Cast<object?>().ToArray();
        var actualItems = sequence.Cast<object?>().ToArray();
        if (expectedItems.Length != actualItems.Length) return $"{path}: expected {expectedItems.Length} items, got {actualItems.Length}";
        for (var i = 0; i < expectedItems.Length; i++)
        {
            if (Difference(expectedItems[i], actualItems[i], $"{path}[{i}]") is { } d) return d;
        }
        return null;
    }
}
