using MusicCollective.Cli.Output;

namespace MusicCollective.Cli.Tests;

public class TableWriterTests
{
    private static string Render(Action<StringWriter> write)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }

    [Fact]
    public void Columns_line_up_with_amounts_right_aligned_and_no_trailing_spaces()
    {
        // Proves: a table is a header plus rows, columns two spaces apart, amounts flush right, lines not padded at the end.
        var table = new TableWriter(new("ACCOUNT"), new("AMOUNT", Align.Right), new("RULE"))
            .AddRow("member/alice", "580.00 EUR", "lineup-share")
            .AddRow("fund", "30.00 EUR", "fund-contribution")
            .AddRow("member/bob", "-1.05 EUR", "");

        var text = Render(w => table.WriteTo(w));

        Assert.Equal(
            "ACCOUNT       AMOUNT      RULE\n" +
            "member/alice  580.00 EUR  lineup-share\n" +
            "fund           30.00 EUR  fund-contribution\n" +
            "member/bob     -1.05 EUR\n",
            text);
    }

    [Fact]
    public void Indent_shifts_every_line()
    {
        // Proves: a table under a heading is indented as a block.
        var table = new TableWriter(new("A"), new("B")).AddRow("x", "y");
        Assert.Equal("  A  B\n  x  y\n", Render(w => table.WriteTo(w, indent: 2)));
    }

    [Fact]
    public void Headers_alone_when_there_are_no_rows()
    {
        // Proves: an empty table still prints its header, sized to the headers.
        Assert.Equal("ID  NAME\n", Render(w => new TableWriter(new("ID"), new("NAME")).WriteTo(w)));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_a_programmer_error()
    {
        // Proves: a view cannot silently shift columns.
        Assert.Throws<ArgumentException>(() => new TableWriter(new("A"), new("B")).AddRow("only one"));
    }

    [Fact]
    public void Key_values_line_up_and_skip_empty_values()
    {
        // Proves: key-value output aligns values and leaves out what the server did not set.
        var text = Render(w => new KeyValueWriter().Add("id", "g-1").Add("venue", "").Add("status", "booked").WriteTo(w));
        Assert.Equal("id:     g-1\nstatus: booked\n", text);
    }
}
