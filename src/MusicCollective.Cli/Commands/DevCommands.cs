using System.CommandLine;
using MusicCollective.Api.V1;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Commands;

/// <summary><c>mc dev-token</c>: a development token, printed alone so <c>export MC_TOKEN=$(mc dev-token ...)</c> works.</summary>
internal static class DevCommands
{
    private static readonly string[] Roles = ["admin", "treasurer", "member", "partner", "label"];

    // For these roles the subject is an id the server checks against (a member, partner or label id).
    private static readonly string[] RolesNeedingSubject = ["member", "partner", "label"];

    public static Command Build(CommandRunner runner)
    {
        var role = new Option<string>("--role")
        {
            Description = "The token's role",
            Required = true,
        };
        role.AcceptOnlyFromAmong(Roles);
        var subject = new Option<string?>("--subject")
        {
            Description = "Who the token is for: the member, partner or label id (required for those roles); "
                          + "any name for admin and treasurer [default: the role]",
            HelpName = "id",
        };
        var ttl = new Option<int>("--ttl-seconds")
        {
            Description = "Lifetime in seconds, at most 30 days [default: one hour]",
            HelpName = "n",
        };

        var command = new Command(
            "dev-token",
            "Issue a development token (servers in the Development environment only). Prints only the token, "
            + "so: export MC_TOKEN=$(mc dev-token --role admin)")
        {
            role, subject, ttl,
        };
        runner.Bind(command, async ctx =>
        {
            var roleName = ctx.Required(role);
            var subjectName = ctx.Value(subject)?.Trim();
            if (string.IsNullOrEmpty(subjectName))
            {
                subjectName = RolesNeedingSubject.Contains(roleName)
                    ? throw new UsageException($"--subject is required for role {roleName} (the {roleName} id)")
                    : roleName;
            }

            var seconds = ctx.Value(ttl);
            if (seconds < 0)
            {
                throw new UsageException($"--ttl-seconds: must be 0 or more, not {seconds}");
            }

            var response = await ctx.Clients.Dev.IssueDevTokenAsync(
                new IssueDevTokenRequest { Role = roleName, Subject = subjectName, TtlSeconds = seconds });
            ctx.Output.Show(response, w => w.WriteLine(response.Token));
        });
        return command;
    }
}
