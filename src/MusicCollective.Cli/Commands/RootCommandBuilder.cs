using System.CommandLine;

namespace MusicCollective.Cli.Commands;

/// <summary>The command tree of <c>mc</c>.</summary>
internal static class RootCommandBuilder
{
    public static RootCommand Build(CommandRunner runner)
    {
        var root = new RootCommand("mc: the command-line client of MusicCollective, the musicians' co-op payments backend.")
        {
            runner.Globals.Server,
            runner.Globals.Token,
            runner.Globals.Json,
        };
        root.Add(DevCommands.Build(runner));
        root.Add(MemberCommands.Build(runner));
        root.Add(BandCommands.Build(runner));
        root.Add(GigCommands.Build(runner));
        foreach (var command in AccountCommands.Build(runner))
        {
            root.Add(command);
        }

        return root;
    }
}
