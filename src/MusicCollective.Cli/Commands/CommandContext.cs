using System.CommandLine;
using MusicCollective.Cli.Connection;
using MusicCollective.Cli.Output;

namespace MusicCollective.Cli.Commands;

/// <summary>What a running command needs: its parsed values, the clients, and where to print.</summary>
internal sealed class CommandContext(ParseResult parseResult, ClientFactory clients, CommandOutput output)
{
    public ClientFactory Clients => clients;

    public CommandOutput Output => output;

    /// <summary>The request id sent by a mutating command, reported if the call fails so a script can retry it.</summary>
    public string? RequestIdSent { get; private set; }

    public T Required<T>(Option<T> option) => parseResult.GetRequiredValue(option);

    public T Required<T>(Argument<T> argument) => parseResult.GetRequiredValue(argument);

    public T? Value<T>(Option<T> option) => parseResult.GetValue(option);

    /// <summary>The given <c>--request-id</c>, or a new GUID; remembered for the error report.</summary>
    public string RequestId(Option<string?> option)
    {
        var given = parseResult.GetValue(option);
        RequestIdSent = string.IsNullOrWhiteSpace(given) ? Guid.NewGuid().ToString() : given.Trim();
        return RequestIdSent;
    }
}
