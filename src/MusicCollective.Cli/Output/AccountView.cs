using System.Globalization;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Output;

/// <summary>Balances, ledger entries and the ledger check as text.</summary>
internal static class AccountView
{
    public static void WriteBalance(TextWriter writer, GetBalanceResponse response)
    {
        if (response.Balances.Count == 0)
        {
            writer.WriteLine($"{response.MemberId}: no entries");
            return;
        }

        var table = new TableWriter(new("CURRENCY"), new("BALANCE", Align.Right));
        foreach (var balance in response.Balances)
        {
            table.AddRow(balance.CurrencyCode, MoneyText.FormatAmount(balance));
        }

        table.WriteTo(writer);
    }

    public static void WriteEntries(TextWriter writer, ListEntriesResponse response)
    {
        if (response.Entries.Count == 0)
        {
            writer.WriteLine("no entries");
        }
        else
        {
            var table = new TableWriter(
                new("DATE"), new("AMOUNT", Align.Right), new("RULE"), new("REFERENCE"), new("DESCRIPTION"));
            foreach (var e in response.Entries)
            {
                table.AddRow(Display.DateOf(e.RecordTime), MoneyText.Format(e.Amount), Display.Rule(e.Rule), e.Reference, e.Description);
            }

            table.WriteTo(writer);
        }

        Paging.WriteNext(writer, response.NextPageToken);
    }

    public static void WriteCheck(TextWriter writer, CheckLedgerResponse response)
    {
        if (response.Totals.Count > 0)
        {
            var table = new TableWriter(new("CURRENCY"), new("TOTAL", Align.Right));
            foreach (var total in response.Totals)
            {
                table.AddRow(total.CurrencyCode, MoneyText.FormatAmount(total));
            }

            table.WriteTo(writer);
        }

        new KeyValueWriter()
            .Add("transactions", response.TransactionCount.ToString(CultureInfo.InvariantCulture))
            .Add("postings", response.PostingCount.ToString(CultureInfo.InvariantCulture))
            .Add("balanced", Display.YesNo(response.Balanced))
            .WriteTo(writer);
    }
}
