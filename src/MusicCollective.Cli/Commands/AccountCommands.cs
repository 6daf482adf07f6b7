using System.CommandLine;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Output;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Commands;

/// <summary><c>mc balance</c>, <c>mc entries</c>, <c>mc ledger check</c>: reading the ledger.</summary>
internal static class AccountCommands
{
    public static IEnumerable<Command> Build(CommandRunner runner) =>
        [Balance(runner), Entries(runner), new Command("ledger", "Whole-ledger checks") { Check(runner) }];

    private static Command Balance(CommandRunner runner)
    {
        var member = new Argument<string>("member") { Description = "The member id" };
        var command = new Command("balance", "A member's balance per currency (the member themself, treasurer, admin)") { member };
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = ctx.Required(member) });
            ctx.Output.Show(response, w => AccountView.WriteBalance(w, response));
        });
        return command;
    }

    private static Command Entries(CommandRunner runner)
    {
        var member = new Argument<string>("member") { Description = "The member id" };
        var currency = CommonOptions.Currency(required: false, "Only entries in this ISO 4217 currency, e.g. EUR");
        var pageSize = CommonOptions.PageSize();
        var pageToken = CommonOptions.PageToken();
        var command = new Command("entries", "A member's ledger entries, oldest first, each with the rule that produced it")
        {
            member, currency, pageSize, pageToken,
        };
        runner.Bind(command, async ctx =>
        {
            var code = ctx.Value(currency);
            var response = await ctx.Clients.Accounts.ListEntriesAsync(new ListEntriesRequest
            {
                MemberId = ctx.Required(member),
                CurrencyCode = string.IsNullOrWhiteSpace(code) ? "" : Inputs.Named(currency, () => CurrencyText.Parse(code)),
                PageSize = CommonOptions.PageSizeValue(ctx, pageSize),
                PageToken = ctx.Value(pageToken) ?? "",
            });
            ctx.Output.Show(response, w => AccountView.WriteEntries(w, response));
        });
        return command;
    }

    private static Command Check(CommandRunner runner)
    {
        var command = new Command(
            "check",
            "Sum every posting per currency (treasurer): a balanced ledger sums to zero. Exits 1 when it is not balanced");
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Accounts.CheckLedgerAsync(new CheckLedgerRequest());
            ctx.Output.Show(response, w => AccountView.WriteCheck(w, response));
            return response.Balanced ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
