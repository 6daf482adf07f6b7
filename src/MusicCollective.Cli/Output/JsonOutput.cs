using Google.Protobuf;

namespace MusicCollective.Cli.Output;

/// <summary>Responses in the protobuf JSON mapping, for scripts (jq).</summary>
public static class JsonOutput
{
    // Default values included: a script reading "balanced" must see false, not a missing field.
    private static readonly JsonFormatter Formatter =
        new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    public static string Format(IMessage message) => Formatter.Format(message);

    public static void Write(TextWriter writer, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Format(message));
    }
}
