using System.CommandLine;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Output;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Commands;

/// <summary><c>mc band ...</c>: bands, their members, split policy versions and authorised partners.</summary>
internal static class BandCommands
{
    public static Command Build(CommandRunner runner) =>
        new("band", "Register bands, their members and roles, split policies and partner apps")
        {
            Create(runner), Get(runner), List(runner), AddMember(runner), RemoveMember(runner), Policy(runner),
            AuthorizePartner(runner), RevokePartner(runner),
        };

    private static Argument<string> BandArgument() => new("band") { Description = "The band id" };

    private static Command Create(CommandRunner runner)
    {
        var id = new Option<string>("--id")
        {
            Description = "Stable band id: lower-case letters, digits and '-', 1-64 characters",
            Required = true,
        };
        var name = new Option<string>("--name") { Description = "The band's name", Required = true };
        var requestId = CommonOptions.RequestId();
        var command = new Command("create", "Register a band (admin)") { id, name, requestId };
        runner.Bind(command, async ctx =>
        {
            var band = await ctx.Clients.Bands.CreateBandAsync(new CreateBandRequest
            {
                RequestId = ctx.RequestId(requestId),
                BandId = ctx.Required(id),
                Name = ctx.Required(name),
            });
            ctx.Output.Show(band, w => BandView.Write(w, band));
        });
        return command;
    }

    private static Command Get(CommandRunner runner)
    {
        var band = BandArgument();
        var command = new Command("get", "Show a band: members, roles, every split policy version, partners") { band };
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Bands.GetBandAsync(new GetBandRequest { BandId = ctx.Required(band) });
            ctx.Output.Show(response, w => BandView.Write(w, response));
        });
        return command;
    }

    private static Command List(CommandRunner runner)
    {
        var pageSize = CommonOptions.PageSize();
        var pageToken = CommonOptions.PageToken();
        var command = new Command("list", "List bands by id (admin, treasurer)") { pageSize, pageToken };
        runner.Bind(command, async ctx =>
        {
            var response = await ctx.Clients.Bands.ListBandsAsync(new ListBandsRequest
            {
                PageSize = CommonOptions.PageSizeValue(ctx, pageSize),
                PageToken = ctx.Value(pageToken) ?? "",
            });
            ctx.Output.Show(response, w => BandView.WriteList(w, response));
        });
        return command;
    }

    private static Command AddMember(CommandRunner runner)
    {
        var band = BandArgument();
        var member = new Option<string>("--member") { Description = "The member id", HelpName = "id", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "A role of the band's split policy, e.g. leader or member",
            Required = true,
        };
        var joined = new Option<string>("--joined")
        {
            Description = "The day the member joins, yyyy-MM-dd",
            HelpName = "date",
            Required = true,
        };
        var requestId = CommonOptions.RequestId();
        var command = new Command("add-member", "Add a member to the band in a role from a date (admin)")
        {
            band, member, role, joined, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var request = new AddBandMemberRequest
            {
                BandId = ctx.Required(band),
                MemberId = ctx.Required(member),
                Role = ctx.Required(role),
                JoinedOn = Inputs.Date(ctx, joined),
            };
            request.RequestId = ctx.RequestId(requestId);
            var response = await ctx.Clients.Bands.AddBandMemberAsync(request);
            ctx.Output.Show(response, w => BandView.Write(w, response));
        });
        return command;
    }

    private static Command RemoveMember(CommandRunner runner)
    {
        var band = BandArgument();
        var member = new Option<string>("--member") { Description = "The member id", HelpName = "id", Required = true };
        var left = new Option<string>("--left")
        {
            Description = "The member's last day in the band, yyyy-MM-dd",
            HelpName = "date",
            Required = true,
        };
        var requestId = CommonOptions.RequestId();
        var command = new Command("remove-member", "Record that a member left the band on a date (admin)")
        {
            band, member, left, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var request = new RemoveBandMemberRequest
            {
                BandId = ctx.Required(band),
                MemberId = ctx.Required(member),
                LeftOn = Inputs.Date(ctx, left),
            };
            request.RequestId = ctx.RequestId(requestId);
            var response = await ctx.Clients.Bands.RemoveBandMemberAsync(request);
            ctx.Output.Show(response, w => BandView.Write(w, response));
        });
        return command;
    }

    private static Command Policy(CommandRunner runner)
    {
        var band = BandArgument();
        var name = new Option<string>("--name") { Description = "Policy name, e.g. standard", Required = true };
        var version = new Option<int>("--version")
        {
            Description = "Version number: 1 for the first, then one more each time",
            HelpName = "n",
            Required = true,
        };
        var effectiveFrom = new Option<string>("--effective-from")
        {
            Description = "First day the policy applies (to gigs on or after it), yyyy-MM-dd",
            HelpName = "date",
            Required = true,
        };
        var gigFundRate = new Option<string>("--gig-fund-rate")
        {
            Description = "Share of each gig fee kept in the band fund, as a fraction: 0.03 is 3%",
            HelpName = "fraction",
            Required = true,
        };
        var royaltyFundRate = new Option<string>("--royalty-fund-rate")
        {
            Description = "Share of royalties kept in the band fund, as a fraction: 0.03 is 3%",
            HelpName = "fraction",
            Required = true,
        };
        var roles = new Option<string[]>("--role")
        {
            Description = "ROLE=WEIGHT, repeated once per role: --role leader=1.5 --role member=1",
            HelpName = "role=weight",
            Required = true,
        };
        var fixedFees = new Option<string[]>("--fixed-fee")
        {
            Description = "ROLE=AMOUNT paid before the shares, in --currency; repeatable: --fixed-fee substitute=150.00",
            HelpName = "role=amount",
        };
        var currency = CommonOptions.Currency(required: false, "ISO 4217 currency of every --fixed-fee, e.g. EUR");
        var requestId = CommonOptions.RequestId();
        var command = new Command(
            "policy",
            "Publish the next split policy version (admin). Example: mc band policy the-wombats --name standard "
            + "--version 1 --effective-from 2026-01-01 --gig-fund-rate 0.03 --royalty-fund-rate 0.03 "
            + "--role leader=1.5 --role member=1 --fixed-fee substitute=150.00 --currency EUR")
        {
            band, name, version, effectiveFrom, gigFundRate, royaltyFundRate, roles, fixedFees, currency, requestId,
        };
        runner.Bind(command, async ctx =>
        {
            var policy = new SplitPolicy
            {
                Name = ctx.Required(name),
                Version = ctx.Required(version),
                EffectiveFrom = Inputs.Date(ctx, effectiveFrom),
                GigFundRate = Inputs.Decimal(ctx, gigFundRate),
                RoyaltyFundRate = Inputs.Decimal(ctx, royaltyFundRate),
            };
            policy.RoleWeights.AddRange(ctx.Required(roles).Select(text => Inputs.Named(roles, () => RoleWeightOf(text))));
            var fees = ctx.Value(fixedFees) ?? [];
            if (fees.Length > 0)
            {
                var code = ctx.Value(currency);
                if (string.IsNullOrWhiteSpace(code))
                {
                    throw new UsageException($"{currency.Name} is required with {fixedFees.Name}");
                }

                policy.FixedFees.AddRange(fees.Select(text => Inputs.Named(fixedFees, () => FixedFeeOf(text, code))));
            }

            var request = new PublishSplitPolicyRequest { BandId = ctx.Required(band), Policy = policy };
            request.RequestId = ctx.RequestId(requestId);
            var response = await ctx.Clients.Bands.PublishSplitPolicyAsync(request);
            ctx.Output.Show(response, w => BandView.Write(w, response));
        });
        return command;
    }

    private static Command AuthorizePartner(CommandRunner runner) =>
        PartnerCommand(runner, "authorize-partner", "Authorise a partner app to register gigs for the band (admin)",
            (ctx, band, partner, requestId) => ctx.Clients.Bands.AuthorizePartnerAsync(
                new AuthorizePartnerRequest { RequestId = requestId, BandId = band, PartnerId = partner }).ResponseAsync);

    private static Command RevokePartner(CommandRunner runner) =>
        PartnerCommand(runner, "revoke-partner", "Withdraw a partner app's authorisation (admin)",
            (ctx, band, partner, requestId) => ctx.Clients.Bands.RevokePartnerAsync(
                new RevokePartnerRequest { RequestId = requestId, BandId = band, PartnerId = partner }).ResponseAsync);

    private static Command PartnerCommand(
        CommandRunner runner, string name, string description,
        Func<CommandContext, string, string, string, Task<Band>> call)
    {
        var band = BandArgument();
        var partner = new Option<string>("--partner") { Description = "The partner app's id", HelpName = "id", Required = true };
        var requestId = CommonOptions.RequestId();
        var command = new Command(name, description) { band, partner, requestId };
        runner.Bind(command, async ctx =>
        {
            var response = await call(ctx, ctx.Required(band), ctx.Required(partner), ctx.RequestId(requestId));
            ctx.Output.Show(response, w => BandView.Write(w, response));
        });
        return command;
    }

    internal static RoleWeight RoleWeightOf(string text)
    {
        var (role, weight) = PairText.Parse(text, "role", "weight");
        return new RoleWeight { Role = role, Weight = DecimalText.Parse(weight) };
    }

    internal static FixedFee FixedFeeOf(string text, string currency)
    {
        var (role, amount) = PairText.Parse(text, "role", "amount");
        return new FixedFee { Role = role, Amount = MoneyText.Parse(amount, currency) };
    }
}
