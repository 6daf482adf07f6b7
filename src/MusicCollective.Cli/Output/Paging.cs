namespace MusicCollective.Cli.Output;

/// <summary>The line after a page that says how to read the next one.</summary>
internal static class Paging
{
    public static void WriteNext(TextWriter writer, string nextPageToken)
    {
        if (!string.IsNullOrEmpty(nextPageToken))
        {
            writer.WriteLine($"more: --page-token {nextPageToken}");
        }
    }
}
