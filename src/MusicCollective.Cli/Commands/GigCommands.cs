using System.CommandLine;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Output;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Commands;

/// <summary><c>mc gig ...</c>: a gig from booking to settlement (BOOKED → PERFORMED → SETTLED, or CANCELLED).</summary>
internal static class GigCommands
{
    public static Command Build(CommandRunner runner) =>
        new("gig", "Register gigs, their line-up and expenses, and settle them when the fee is received")
        {
            Register(runner), Lineup(runner), Expense(runner), Performed(runner), FeeReceived(runner), Cancel(runner),
            Get(runner), List(runner),
        };

    private static Argument<string> GigArgument() => new("gig") { Description = "The gig id" };

    private static Option<string[]> LineupOption(bool required) => new("--lineup")
    {
        Description = "MEMBER=ROLE for a band member, repeated once per player: --lineup alice=leader --lineup bob=member",
        HelpName = "member=role",
        Required = required,
    };

    private static Option<string[]> HiredOption() => new("--hired")
    {
        Description = "PAYEE=ROLE for a hired player who is not a band member, repeatable: --hired carol=substitute",
        HelpName = "payee=role",
    };

    private static Command Register(CommandRunner runner)
    {
        var band = new Option<string>("--band") { Description = "The band id", HelpName = "id", Required = true };
        var venue = new Option<string>("--venue") { Description = "Where the gig is", Required = true };
        var date = new Option<string>("--date") { Description = "The gig's date, yyyy-MM-dd", HelpName = "date", Required = true };
        var fee = new Option<string>("--fee")
        {
            Description = "Agreed fee, a plain decimal in --currency: 1000.00",
            HelpName = "amount",
            Required = true,
        };
        var currency = CommonOptions.Currency(required: true, "ISO 4217 currency of the fee, e.g. EUR");
        var lineup = LineupOption(required: false);
        var hired = HiredOption();
        var id = new Option<string?>("--id")
        {
            Description = "Gig id [default: derived by the server from the caller and --request-id, so a retry finds the same gig]",
            HelpName = "gig",
        };
        var requestId = CommonOptions.RequestId();
        var command = new Command(
            "register",
            "Register a gig for a band (its members, its authorised partners, admin). Example: mc gig register "
            + "--band the-wombats --venue Paradiso --date 2026-12-01 --fee 1000.00 --currency EUR "
            + "--lineup alice=leader --lineup bob=member --hired carol=substitute")
        {
            band, venue, date, fee, currency, lineup, hired, id, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var request = new RegisterGigRequest
            {
                GigId = ctx.Value(id)?.Trim() ?? "",
                BandId = ctx.Required(band),
                Venue = ctx.Required(venue),
                Date = Inputs.Date(ctx, date),
                AgreedFee = Inputs.Money(ctx, fee, currency),
            };
            request.Lineup.AddRange(LineupOf(ctx, lineup, hired));
            request.RequestId = ctx.RequestId(requestId);
            var gig = await ctx.Clients.Gigs.RegisterGigAsync(request);
            ctx.Output.Show(gig, w => GigView.Write(w, gig));
        });
        return command;
    }

    private static Command Lineup(CommandRunner runner)
    {
        var gig = GigArgument();
        var lineup = LineupOption(required: false);
        var hired = HiredOption();
        var requestId = CommonOptions.RequestId();
        var command = new Command(
            "lineup",
            "Replace the line-up of a gig that is not settled: give every player, members with --lineup, hired players with --hired")
        {
            gig, lineup, hired, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var request = new SetLineupRequest { GigId = ctx.Required(gig) };
            request.Lineup.AddRange(LineupOf(ctx, lineup, hired));
            if (request.Lineup.Count == 0)
            {
                throw new UsageException("give the new line-up with --lineup and/or --hired");
            }

            request.RequestId = ctx.RequestId(requestId);
            var response = await ctx.Clients.Gigs.SetLineupAsync(request);
            ctx.Output.Show(response, w => GigView.Write(w, response));
        });
        return command;
    }

    private static Command Expense(CommandRunner runner)
    {
        var gig = GigArgument();
        var id = new Option<string>("--id") { Description = "Expense id, unique within the gig", Required = true };
        var paidBy = new Option<string>("--paid-by")
        {
            Description = "Who paid (reimbursed at settlement)",
            HelpName = "payee",
            Required = true,
        };
        var description = new Option<string>("--description") { Description = "What it was for", HelpName = "text", Required = true };
        var amount = new Option<string>("--amount")
        {
            Description = "Amount, a plain decimal in --currency: 40.00",
            HelpName = "amount",
            Required = true,
        };
        var currency = CommonOptions.Currency(required: true, "ISO 4217 currency of the amount (the gig's), e.g. EUR");
        var receipt = new Option<string?>("--receipt") { Description = "Receipt reference", HelpName = "reference" };
        var requestId = CommonOptions.RequestId();
        var command = new Command("expense", "Add an accepted expense to a gig that is not settled")
        {
            gig, id, paidBy, description, amount, currency, receipt, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var request = new AddExpenseRequest
            {
                GigId = ctx.Required(gig),
                Expense = new Api.V1.Expense
                {
                    ExpenseId = ctx.Required(id),
                    PaidBy = ctx.Required(paidBy),
                    Description = ctx.Required(description),
                    Amount = Inputs.Money(ctx, amount, currency),
                    ReceiptReference = ctx.Value(receipt) ?? "",
                },
            };
            request.RequestId = ctx.RequestId(requestId);
            var response = await ctx.Clients.Gigs.AddExpenseAsync(request);
            ctx.Output.Show(response, w => GigView.Write(w, response));
        });
        return command;
    }

    private static Command Performed(CommandRunner runner)
    {
        var gig = GigArgument();
        var requestId = CommonOptions.RequestId();
        var command = new Command("performed", "Mark a booked gig as performed") { gig, requestId };
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Gigs.MarkPerformedAsync(
                new MarkPerformedRequest { GigId = ctx.Required(gig), RequestId = ctx.RequestId(requestId) });
            ctx.Output.Show(response, w => GigView.Write(w, response));
        });
        return command;
    }

    private static Command FeeReceived(CommandRunner runner)
    {
        var gig = GigArgument();
        var amount = new Option<string>("--amount")
        {
            Description = "The fee actually received (may differ from the agreed fee), a plain decimal: 1000.00",
            HelpName = "amount",
            Required = true,
        };
        var currency = CommonOptions.Currency(required: true, "ISO 4217 currency of the fee (the gig's), e.g. EUR");
        var requestId = CommonOptions.RequestId();
        var command = new Command(
            "fee-received",
            "Record the fee received for a performed gig; the server settles it by the band's split policy in force "
            + "on the gig's date, and the settlement is printed line by line")
        {
            gig, amount, currency, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var request = new RecordFeeReceivedRequest { GigId = ctx.Required(gig), Fee = Inputs.Money(ctx, amount, currency) };
            request.RequestId = ctx.RequestId(requestId);
            var response = await ctx.Clients.Gigs.RecordFeeReceivedAsync(request);
            ctx.Output.Show(response, w => GigView.Write(w, response));
        });
        return command;
    }

    private static Command Cancel(CommandRunner runner)
    {
        var gig = GigArgument();
        var reason = new Option<string>("--reason") { Description = "Why the gig is cancelled", HelpName = "text", Required = true };
        var killFee = new Option<string?>("--kill-fee")
        {
            Description = "Kill fee received, a plain decimal in --currency; settled like a fee",
            HelpName = "amount",
        };
        var currency = CommonOptions.Currency(required: false, "ISO 4217 currency of the kill fee (the gig's), e.g. EUR");
        var requestId = CommonOptions.RequestId();
        var command = new Command("cancel", "Cancel a booked gig, with an optional kill fee")
        {
            gig, reason, killFee, currency, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var request = new CancelGigRequest
            {
                GigId = ctx.Required(gig),
                Reason = ctx.Required(reason),
                KillFee = Inputs.OptionalMoney(ctx, killFee, currency),
            };
            request.RequestId = ctx.RequestId(requestId);
            var response = await ctx.Clients.Gigs.CancelGigAsync(request);
            ctx.Output.Show(response, w => GigView.Write(w, response));
        });
        return command;
    }

    private static Command Get(CommandRunner runner)
    {
        var gig = GigArgument();
        var command = new Command("get", "Show a gig: line-up, expenses, and its settlement once settled") { gig };
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Gigs.GetGigAsync(new GetGigRequest { GigId = ctx.Required(gig) });
            ctx.Output.Show(response, w => GigView.Write(w, response));
        });
        return command;
    }

    private static Command List(CommandRunner runner)
    {
        var band = new Option<string>("--band") { Description = "The band id", HelpName = "id", Required = true };
        var pageSize = CommonOptions.PageSize();
        var pageToken = CommonOptions.PageToken();
        var command = new Command("list", "List a band's gigs, newest date first") { band, pageSize, pageToken };
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Gigs.ListGigsAsync(new ListGigsRequest
            {
                BandId = ctx.Required(band),
                PageSize = CommonOptions.PageSizeValue(ctx, pageSize),
                PageToken = ctx.Value(pageToken) ?? "",
            });
            ctx.Output.Show(response, w => GigView.WriteList(w, response));
        });
        return command;
    }

    private static IEnumerable<LineupEntry> LineupOf(CommandContext ctx, Option<string[]> lineup, Option<string[]> hired) =>
        Inputs.Named(lineup, () => (ctx.Value(lineup) ?? []).Select(t => LineupText.Parse(t, hired: false)).ToList())
            .Concat(Inputs.Named(hired, () => (ctx.Value(hired) ?? []).Select(t => LineupText.Parse(t, hired: true)).ToList()));
}
