using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using MusicCollective.Cli.Connection;
using MusicCollective.Cli.Errors;
using MusicCollective.Cli.Output;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Commands;

/// <summary>
/// Binds command bodies to System.CommandLine and runs them: resolves the global options, opens the clients, and turns
/// every failure into a one-line report and an exit code (never a stack trace).
/// </summary>
internal sealed class CommandRunner(
    GlobalOptions globals,
    TextWriter stdout,
    TextWriter stderr,
    Func<string, GrpcChannel>? channelFactory,
    Func<string, string?> environment)
{
    public GlobalOptions Globals => globals;

    /// <summary>Runs <paramref name="body"/> when <paramref name="command"/> is invoked; success exits 0.</summary>
    public void Bind(Command command, Func<CommandContext, Task> body) =>
        Bind(command, async context =>
        {
            await body(context);
            return ExitCodes.Ok;
        });

    /// <summary>Runs <paramref name="body"/> when <paramref name="command"/> is invoked; it chooses the exit code.</summary>
    public void Bind(Command command, Func<CommandContext, Task<int>> body) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, body, cancellationToken));

    private async Task<int> RunAsync(
        ParseResult parseResult, Func<CommandContext, Task<int>> body, CancellationToken cancellationToken)
    {
        var server = FirstNonBlank(parseResult.GetValue(globals.Server), environment(GlobalOptions.ServerVariable))
                     ?? GlobalOptions.ServerDefault;
        var token = FirstNonBlank(parseResult.GetValue(globals.Token), environment(GlobalOptions.TokenVariable));
        var output = new CommandOutput(stdout, parseResult.GetValue(globals.Json));

        using var clients = new ClientFactory(server, token, channelFactory, cancellationToken);
        var context = new CommandContext(parseResult, clients, output);
        try
        {
            return await body(context);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            ErrorReporter.WriteCancelled(stderr, context.RequestIdSent);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ErrorReporter.WriteCancelled(stderr, context.RequestIdSent);
            return ExitCodes.Failure;
        }
        catch (RpcException ex)
        {
            ErrorReporter.Write(stderr, ex, server, context.RequestIdSent);
            return ExitCodes.Failure;
        }
        catch (Exception ex) // The last line of defence: a CLI reports, it does not crash with a stack trace.
        {
            ErrorReporter.WriteUnexpected(stderr, ex);
            return ExitCodes.Failure;
        }
    }

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
