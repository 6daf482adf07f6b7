using System.Collections;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>
/// Which properties a sample exercises. A round trip only proves the fields it carries, so every property of every
/// type reached must hold a value (not null, not an empty list or text) somewhere in the sample; a realistic null
/// elsewhere (a posting without a role) is fine.
/// </summary>
internal static class Coverage
{
    /// <summary>The "Type.Property" names reached in <paramref name="sample"/> that never hold a value.</summary>
    public static IReadOnlyList<string> NeverPopulated(object sample)
    {
        var populated = new Dictionary<string, bool>(StringComparer.Ordinal);
        Walk(sample, populated);
        return [.. populated.Where(p => !p.Value).Select(p => p.Key).Order(StringComparer.Ordinal)];
    }

    private static void Walk(object? value, Dictionary<string, bool> populated)
    {
        if (value is null || Structural.IsLeaf(value.GetType())) return;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary) Walk(entry.Value, populated);
            return;
        }
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence) Walk(item, populated);
            return;
        }
        foreach (var property in Structural.DataProperties(value.GetType()))
        {
            var key = $"{value.GetType().Name}.{property.Name}";
            var child = property.GetValue(value);
            var hasValue = child switch
            {
                null => false,
                string s => s.Length > 0,
                IEnumerable e => e.Cast<object>().Any(),
                DateOnly d => d != default,
                DateTimeOffset t => t != default,
                _ => true,
            };
            populated[key] = populated.GetValueOrDefault(key) || hasValue;
            Walk(child, populated);
        }
    }
}
