using MusicCollective.Api.V1;

namespace MusicCollective.Cli.Parsing;

/// <summary>Line-up option values: "alice=leader" is payee alice playing the role leader.</summary>
public static class LineupText
{
    /// <param name="hired">True for a hired player who is not a member of the band (<c>--hired</c>).</param>
    /// <exception cref="UsageException">Not payee=role.</exception>
    public static LineupEntry Parse(string text, bool hired)
    {
        var (payee, role) = PairText.Parse(text, "payee", "role");
        return new LineupEntry { PayeeId = payee, Role = role, Hired = hired };
    }

    /// <summary>Members first, then hired players, each in the order given.</summary>
    public static IEnumerable<LineupEntry> ParseAll(IEnumerable<string>? members, IEnumerable<string>? hired) =>
        (members ?? []).Select(t => Parse(t, hired: false)).Concat((hired ?? []).Select(t => Parse(t, hired: true)));
}
