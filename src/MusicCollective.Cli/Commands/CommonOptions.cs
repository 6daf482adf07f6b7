using System.CommandLine;

namespace MusicCollective.Cli.Commands;

/// <summary>Options shared by many commands; each call makes a new instance, one per command.</summary>
internal static class CommonOptions
{
    public static Option<string?> RequestId() => new("--request-id")
    {
        Description = "Idempotency key: retrying with the same id returns the first answer [default: a new GUID]",
        HelpName = "id",
    };

    public static Option<string> Currency(bool required, string description) => new("--currency")
    {
        Description = description,
        HelpName = "code",
        Required = required,
    };

    public static Option<int> PageSize() => new("--page-size")
    {
        Description = "Items per page (0: the server's default)",
        HelpName = "n",
    };

    public static Option<string?> PageToken() => new("--page-token")
    {
        Description = "Token of the page to read, as printed after the previous page",
        HelpName = "token",
    };

    public static int PageSizeValue(CommandContext context, Option<int> option)
    {
        var size = context.Value(option);
        return size >= 0 ? size : throw new Parsing.UsageException($"{option.Name}: must be 0 or more, not {size}");
    }
}
