namespace MusicCollective.Cli.Parsing;

/// <summary>"key=value" option values, such as "alice=leader" or "leader=1.5".</summary>
public static class PairText
{
    /// <exception cref="UsageException">No '=', or an empty side.</exception>
    public static (string Key, string Value) Parse(string text, string keyName, string valueName)
    {
        var trimmed = (text ?? "").Trim();
        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? "" : trimmed[..equals].Trim();
        var value = equals < 0 ? "" : trimmed[(equals + 1)..].Trim();
        if (key.Length == 0 || value.Length == 0)
        {
            throw new UsageException($"'{text}' is not {keyName}={valueName}");
        }

        return (key, value);
    }
}
