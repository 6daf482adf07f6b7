namespace MusicCollective.Cli.Output;

/// <summary>How a table column lines up its cells: text left, amounts right.</summary>
public enum Align
{
    Left,
    Right,
}

/// <summary>One column of a <see cref="TableWriter"/>.</summary>
public sealed record Column(string Header, Align Align = Align.Left);

/// <summary>
/// Plain aligned tables: a header row, then one row per item, columns two spaces apart, no trailing spaces.
/// </summary>
public sealed class TableWriter(params Column[] columns)
{
    private const string Gap = "  ";
    private readonly List<string[]> rows = [];

    public int RowCount => rows.Count;

    public TableWriter AddRow(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"A row has {columns.Length} cells, not {cells.Length}.", nameof(cells));
        }

        rows.Add([.. cells.Select(c => c ?? "")]);
        return this;
    }

    /// <param name="indent">Spaces before every line, for a table under a heading.</param>
    public void WriteTo(TextWriter writer, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var widths = columns
            .Select((column, i) => rows.Select(r => r[i].Length).Append(column.Header.Length).Max())
            .ToArray();
        var margin = new string(' ', indent);
        writer.WriteLine(margin + Line(columns.Select(c => c.Header).ToArray(), widths, headers: true));
        foreach (var row in rows)
        {
            writer.WriteLine(margin + Line(row, widths, headers: false));
        }
    }

    private string Line(string[] cells, int[] widths, bool headers)
    {
        var padded = cells.Select((cell, i) =>
            !headers && columns[i].Align == Align.Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        return string.Join(Gap, padded).TrimEnd();
    }
}
