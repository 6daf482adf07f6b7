namespace MusicCollective.Cli.Output;

/// <summary>"key:  value" lines with the values lined up; empty values are left out.</summary>
public sealed class KeyValueWriter
{
    private readonly List<(string Key, string Value)> pairs = [];

    public KeyValueWriter Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            pairs.Add((key, value));
        }

        return this;
    }

    public void WriteTo(TextWriter writer, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var width = pairs.Count == 0 ? 0 : pairs.Max(p => p.Key.Length) + 1;
        var margin = new string(' ', indent);
        foreach (var (key, value) in pairs)
        {
            writer.WriteLine($"{margin}{(key + ":").PadRight(width)} {value}");
        }
    }
}
