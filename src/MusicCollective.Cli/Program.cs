// `mc`: the command-line client of MusicCollective. Everything lives in CliApp so tests can run it in-process.
using MusicCollective.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error);
