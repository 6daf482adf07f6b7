using System.CommandLine;

namespace MusicCollective.Cli.Commands;

/// <summary>The options every command accepts: where the server is, who the caller is, and how to print.</summary>
internal sealed class GlobalOptions
{
    public const string ServerVariable = "MC_SERVER";
    public const string TokenVariable = "MC_TOKEN";
    public const string ServerDefault = "http://localhost:5080";

    // No DefaultValueFactory: help would print the token from the environment. The runner resolves defaults.
    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"Server address, http:// (cleartext HTTP/2) or https:// [default: ${ServerVariable}, else {ServerDefault}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token sent as 'authorization: Bearer <token>' [default: ${TokenVariable}]",
        HelpName = "token",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the server's response as JSON (protobuf JSON mapping) instead of tables",
        Recursive = true,
    };
}
