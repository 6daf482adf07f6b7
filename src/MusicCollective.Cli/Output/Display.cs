using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using MusicCollective.Api.V1;

namespace MusicCollective.Cli.Output;

/// <summary>Short readable words for enums, instants and flags in the tables.</summary>
public static class Display
{
    /// <summary>POSTING_RULE_LINEUP_SHARE → "lineup-share".</summary>
    public static string Rule(PostingRule rule) => Kebab(rule.ToString());

    /// <summary>GIG_STATUS_BOOKED → "booked".</summary>
    public static string Status(GigStatus status) => Kebab(status.ToString());

    /// <summary>UTC, to the second: "2026-12-01 20:15:00Z"; absent is empty.</summary>
    public static string Instant(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The UTC date of an instant: "2026-12-01".</summary>
    public static string DateOf(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>The generated C# name ("LineupShare") as "lineup-share"; unknown numbers stay numbers.</summary>
    private static string Kebab(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
