using System.CommandLine;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Output;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Commands;

/// <summary><c>mc member create|get|list|update</c>.</summary>
internal static class MemberCommands
{
    public static Command Build(CommandRunner runner) =>
        new("member", "Register, read and update co-op members")
        {
            Create(runner), Get(runner), List(runner), Update(runner),
        };

    private static Argument<string> MemberArgument() => new("member") { Description = "The member id" };

    private static Command Create(CommandRunner runner)
    {
        var id = new Option<string>("--id")
        {
            Description = "Stable member id: lower-case letters, digits and '-', 1-64 characters",
            Required = true,
        };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var email = new Option<string>("--email") { Description = "Email address", Required = true };
        var requestId = CommonOptions.RequestId();
        var command = new Command("create", "Register a member (admin)") { id, name, email, requestId };
        runner.Bind(command, async ctx =>
        {
            var member = await ctx.Clients.Members.CreateMemberAsync(new CreateMemberRequest
            {
                RequestId = ctx.RequestId(requestId),
                MemberId = ctx.Required(id),
                DisplayName = ctx.Required(name),
                Email = ctx.Required(email),
            });
            ctx.Output.Show(member, w => MemberView.Write(w, member));
        });
        return command;
    }

    private static Command Get(CommandRunner runner)
    {
        var member = MemberArgument();
        var command = new Command("get", "Show a member (admin, treasurer, or the member themself)") { member };
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Members.GetMemberAsync(new GetMemberRequest { MemberId = ctx.Required(member) });
            ctx.Output.Show(response, w => MemberView.Write(w, response));
        });
        return command;
    }

    private static Command List(CommandRunner runner)
    {
        var pageSize = CommonOptions.PageSize();
        var pageToken = CommonOptions.PageToken();
        var command = new Command("list", "List members by id (admin, treasurer)") { pageSize, pageToken };
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Members.ListMembersAsync(new ListMembersRequest
            {
                PageSize = CommonOptions.PageSizeValue(ctx, pageSize),
                PageToken = ctx.Value(pageToken) ?? "",
            });
            ctx.Output.Show(response, w => MemberView.WriteList(w, response));
        });
        return command;
    }

    private static Command Update(CommandRunner runner)
    {
        var member = MemberArgument();
        var name = new Option<string?>("--name") { Description = "New display name" };
        var email = new Option<string?>("--email") { Description = "New email address" };
        var iban = new Option<string?>("--iban")
        {
            Description = "Payout IBAN (spaces are removed); give --account-holder with it",
        };
        var holder = new Option<string?>("--account-holder")
        {
            Description = "Name on the payout account; give --iban with it",
            HelpName = "name",
        };
        var requestId = CommonOptions.RequestId();
        var command = new Command(
            "update",
            "Update a member's profile or payout details (admin, or the member themself); options left out keep their value")
        {
            member, name, email, iban, holder, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var request = new UpdateMemberRequest
            {
                MemberId = ctx.Required(member),
                DisplayName = ctx.Value(name) ?? "",
                Email = ctx.Value(email) ?? "",
                PayoutDetails = Payout(ctx.Value(iban), ctx.Value(holder)),
            };
            if (request.DisplayName.Length == 0 && request.Email.Length == 0 && request.PayoutDetails is null)
            {
                throw new UsageException("nothing to update: give --name, --email, or --iban with --account-holder");
            }

            request.RequestId = ctx.RequestId(requestId);
            var response = await ctx.Clients.Members.UpdateMemberAsync(request);
            ctx.Output.Show(response, w => MemberView.Write(w, response));
        });
        return command;
    }

    // The server replaces payout details whole, so both parts travel together.
    private static PayoutDetails? Payout(string? iban, string? holder)
    {
        if (iban is null && holder is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(iban) || string.IsNullOrWhiteSpace(holder))
        {
            throw new UsageException("--iban and --account-holder go together: give both");
        }

        return new PayoutDetails { Iban = iban.Replace(" ", "", StringComparison.Ordinal), AccountHolder = holder.Trim() };
    }
}
