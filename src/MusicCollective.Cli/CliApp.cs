using System.CommandLine;
using System.CommandLine.Invocation;
using Grpc.Net.Client;
using MusicCollective.Cli.Commands;
using MusicCollective.Cli.Errors;

namespace MusicCollective.Cli;

/// <summary>The whole of <c>mc</c> behind one call, so an in-process test can run commands against its own channel.</summary>
public static class CliApp
{
    /// <summary>
    /// Parses <paramref name="args"/> and runs the command, writing results to <paramref name="stdout"/> and
    /// diagnostics to <paramref name="stderr"/>. Returns the exit code (<see cref="ExitCodes"/>).
    /// </summary>
    /// <param name="channelFactory">
    /// Makes the channel for the server address (from <c>--server</c>, <c>MC_SERVER</c> or the default). When null,
    /// <c>mc</c> opens (and disposes) its own channel; a given factory's channels belong to the caller and are not disposed.
    /// </param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, Func<string, GrpcChannel>? channelFactory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var runner = new CommandRunner(new GlobalOptions(), stdout, stderr, channelFactory, Environment.GetEnvironmentVariable);
        var root = RootCommandBuilder.Build(runner);
        var parseResult = root.Parse(args);

        // System.CommandLine's own error action exits 1; usage errors exit 2 here, with one line per problem.
        if (parseResult.Action is ParseErrorAction)
        {
            UsageErrorWriter.Write(stderr, parseResult);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // CommandRunner reports every failure itself; nothing should reach the console as a stack trace.
            EnableDefaultExceptionHandler = false,
        };
        return await parseResult.InvokeAsync(configuration);
    }
}
