using Google.Protobuf;

namespace MusicCollective.Cli.Output;

/// <summary>Where a command prints its result: the response as JSON with <c>--json</c>, else the readable view.</summary>
internal sealed class CommandOutput(TextWriter stdout, bool json)
{
    public bool Json => json;

    public void Show(IMessage response, Action<TextWriter> readable)
    {
        if (json)
        {
            JsonOutput.Write(stdout, response);
        }
        else
        {
            readable(stdout);
        }
    }
}
