using System.Globalization;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Output;

/// <summary>Gigs as text: the booking, its line-up and expenses, and the settlement line by line.</summary>
internal static class GigView
{
    public static void Write(TextWriter writer, Gig gig)
    {
        new KeyValueWriter()
            .Add("id", gig.GigId)
            .Add("band", gig.BandId)
            .Add("venue", gig.Venue)
            .Add("date", DateText.ToText(gig.Date))
            .Add("fee", MoneyText.Format(gig.AgreedFee))
            .Add("status", Display.Status(gig.Status))
            .Add("cancellation reason", gig.CancellationReason)
            .WriteTo(writer);

        if (gig.Lineup.Count > 0)
        {
            writer.WriteLine("line-up:");
            var lineup = new TableWriter(new("PAYEE"), new("ROLE"), new("HIRED"));
            foreach (var entry in gig.Lineup)
            {
                lineup.AddRow(entry.PayeeId, entry.Role, entry.Hired ? "hired" : "");
            }

            lineup.WriteTo(writer, indent: 2);
        }

        if (gig.Expenses.Count > 0)
        {
            writer.WriteLine("expenses:");
            var expenses = new TableWriter(
                new("ID"), new("PAID-BY"), new("AMOUNT", Align.Right), new("RECEIPT"), new("DESCRIPTION"));
            foreach (var e in gig.Expenses)
            {
                expenses.AddRow(e.ExpenseId, e.PaidBy, MoneyText.Format(e.Amount), e.ReceiptReference, e.Description);
            }

            expenses.WriteTo(writer, indent: 2);
        }

        if (gig.Settlement is { } settlement)
        {
            WriteSettlement(writer, settlement);
        }
    }

    public static void WriteSettlement(TextWriter writer, Settlement settlement)
    {
        writer.WriteLine("settlement:");
        new KeyValueWriter()
            .Add("transaction", settlement.TransactionId)
            .Add("policy", $"{settlement.PolicyName} v{settlement.PolicyVersion.ToString(CultureInfo.InvariantCulture)}")
            .Add("fee", MoneyText.Format(settlement.Fee))
            .Add("fund", MoneyText.Format(settlement.Fund))
            .Add("reimbursements", MoneyText.Format(settlement.Reimbursements))
            .Add("fixed fees", MoneyText.Format(settlement.FixedFees))
            .Add("shares", MoneyText.Format(settlement.Shares))
            .Add("settled", Display.Instant(settlement.SettleTime))
            .WriteTo(writer, indent: 2);

        var lines = new TableWriter(new("ACCOUNT"), new("AMOUNT", Align.Right), new("RULE"), new("DESCRIPTION"));
        foreach (var line in settlement.Lines)
        {
            lines.AddRow(line.Account, MoneyText.Format(line.Amount), Display.Rule(line.Rule), line.Description);
        }

        lines.WriteTo(writer, indent: 2);
    }

    public static void WriteList(TextWriter writer, ListGigsResponse response)
    {
        if (response.Gigs.Count == 0)
        {
            writer.WriteLine("no gigs");
        }
        else
        {
            var table = new TableWriter(
                new("ID"), new("DATE"), new("VENUE"), new("FEE", Align.Right), new("STATUS"));
            foreach (var g in response.Gigs)
            {
                table.AddRow(g.GigId, DateText.ToText(g.Date), g.Venue, MoneyText.Format(g.AgreedFee), Display.Status(g.Status));
            }

            table.WriteTo(writer);
        }

        Paging.WriteNext(writer, response.NextPageToken);
    }
}
