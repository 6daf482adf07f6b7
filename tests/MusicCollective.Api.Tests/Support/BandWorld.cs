namespace MusicCollective.Api.Tests.Support;

/// <summary>
/// A band set up through the API as an admin would: three members (a leader and two members, all joined on
/// 2020-01-01), split policy "standard" v1 from 2020-01-01 (3% fund for gigs and royalties, leader 1.5, member 1,
/// substitute a fixed 150.00 EUR), and one authorised partner app. <see cref="Substitute"/> is a hired player's id.
/// Every id is unique to the test that made it.
/// </summary>
public sealed record BandWorld(string BandId, string Leader, string Member, string Member2, string Substitute, string PartnerId)
{
    /// <summary>The policy's name.</summary>
    public const string PolicyName = "standard";

    /// <summary>The date every membership and the policy start on.</summary>
    public static Google.Type.Date Since => Day(2020, 1, 1);

    /// <summary>The policy every world publishes as v1.</summary>
    public static SplitPolicy StandardPolicy() => new()
    {
        Name = PolicyName,
        Version = 1,
        EffectiveFrom = Since,
        GigFundRate = "0.03",
        RoyaltyFundRate = "0.03",
        RoleWeights =
        {
            new RoleWeight { Role = "leader", Weight = "1.5" },
            new RoleWeight { Role = "member", Weight = "1" },
        },
        FixedFees = { new FixedFee { Role = "substitute", Amount = Eur(150.00m) } },
    };

    /// <summary>The full line-up: leader, two members, and the hired substitute.</summary>
    public LineupEntry[] FullLineup() =>
    [
        new() { PayeeId = Leader, Role = "leader" },
        new() { PayeeId = Member, Role = "member" },
        new() { PayeeId = Member2, Role = "member" },
        new() { PayeeId = Substitute, Role = "substitute", Hired = true },
    ];

    /// <summary>A smaller line-up: the leader and one member.</summary>
    public LineupEntry[] DuoLineup() =>
    [
        new() { PayeeId = Leader, Role = "leader" },
        new() { PayeeId = Member, Role = "member" },
    ];

    /// <summary>A registration of a gig of this band with <paramref name="lineup"/> (the full line-up by default).</summary>
    public RegisterGigRequest Gig(decimal agreedFee, Google.Type.Date date, IEnumerable<LineupEntry>? lineup = null,
        string? gigId = null, string venue = "Paradiso, Amsterdam")
    {
        var request = new RegisterGigRequest
        {
            RequestId = NewRequestId(),
            GigId = gigId ?? NewId("gig"),
            BandId = BandId,
            Venue = venue,
            Date = date,
            AgreedFee = Eur(agreedFee),
        };
        request.Lineup.AddRange(lineup ?? FullLineup());
        return request;
    }
}
