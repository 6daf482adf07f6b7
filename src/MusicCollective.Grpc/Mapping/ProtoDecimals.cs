using System.Globalization;
using MusicCollective.Domain.Monetary;

namespace MusicCollective.Grpc.Mapping;

/// <summary>Decimal strings on the wire (rates, weights, percentages): parsed strictly, formatted without trailing zeros.</summary>
public static class ProtoDecimals
{
    /// <summary>Parses a required decimal string naming <paramref name="field"/> on error.</summary>
    public static decimal Parse(string text, string field) => DecimalText.Parse(text, field);

    /// <summary>Formats exactly; empty for null.</summary>
    public static string Format(decimal? value) => value is { } v ? DecimalFormat.Plain(v) : "";

    /// <summary>Formats an int for text fields.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
