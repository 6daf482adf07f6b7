namespace MusicCollective.Cli;

/// <summary>The process exit codes of <c>mc</c>, for scripts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The server refused or failed the call, it could not be reached, or the ledger check found it unbalanced.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command, missing option, malformed amount or date.</summary>
    public const int Usage = 2;
}
