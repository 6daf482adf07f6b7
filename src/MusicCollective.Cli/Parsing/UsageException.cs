namespace MusicCollective.Cli.Parsing;

/// <summary>Command-line input that is wrong (a malformed amount, date or pair); <c>mc</c> exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
