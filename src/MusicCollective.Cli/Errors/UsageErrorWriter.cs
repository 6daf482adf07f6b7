using System.CommandLine;
using System.CommandLine.Parsing;

namespace MusicCollective.Cli.Errors;

/// <summary>Command-line parse errors, one line each, then where to find the usage.</summary>
internal static class UsageErrorWriter
{
    public static void Write(TextWriter stderr, ParseResult parseResult)
    {
        foreach (var error in parseResult.Errors)
        {
            // One line per error: "Must be one of:" lists its choices on lines of their own.
            var lines = error.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            stderr.WriteLine($"error: {string.Join(' ', lines)}");
        }

        stderr.WriteLine($"run '{CommandPath(parseResult.CommandResult)} --help' for usage");
    }

    // "mc gig register": the root's own name is the host executable's, which differs under test hosts.
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            if (command.Command is not RootCommand)
            {
                names.Add(command.Command.Name);
            }
        }

        names.Add("mc");
        names.Reverse();
        return string.Join(' ', names);
    }
}
