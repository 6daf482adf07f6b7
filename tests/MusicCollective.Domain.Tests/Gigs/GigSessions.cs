using CsCheck;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Gigs;
using static MusicCollective.Domain.Tests.Gigs.GigSamples;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>
/// One request of a generated session: how its id is chosen (0–5 a fresh id, 6–7 resend an earlier request as it was,
/// 8–9 an earlier id with this step's payload), which earlier request (<see cref="Pick"/>), and the command.
/// </summary>
internal sealed record GigStep(int IdChoice, int Pick, int Kind, int Variant);

/// <summary>A random sequence of requests to gig "g-1", valid and invalid, in any order.</summary>
internal sealed record GigSession(GigStep[] Steps)
{
    public override string ToString() => string.Join(" ", Steps.Select(s => $"({s.IdChoice},{s.Pick},{s.Kind},{s.Variant})"));

    /// <summary>The commands the session sends, with their request stamps resolved.</summary>
    public IReadOnlyList<GigCommand> Commands()
    {
        var sent = new List<GigCommand>();
        for (var i = 0; i < Steps.Length; i++)
        {
            var step = Steps[i];
            var payload = $"{step.Kind}/{step.Variant}";
            var earlier = sent.Count == 0 ? null : (IStamped)sent[step.Pick % sent.Count];
            sent.Add(step.IdChoice switch
            {
                >= 6 and <= 7 when earlier is not null => (GigCommand)earlier,
                >= 8 when earlier is not null => GigSessions.Build(step.Kind, step.Variant, new RequestStamp(earlier.Stamp.RequestId, payload)),
                _ => GigSessions.Build(step.Kind, step.Variant, new RequestStamp($"r-{i}", payload)),
            });
        }
        return sent;
    }
}

/// <summary>Generates gig sessions and builds their commands: the same (kind, variant) is always the same payload.</summary>
internal static class GigSessions
{
    // Kinds weighted so that many sessions get as far as settling: register, line-up, expense, performed, fee, cancel.
    private static readonly int[] KindByRoll = [0, 0, 1, 2, 2, 3, 3, 4, 4, 4, 5];

    public static readonly Gen<GigSession> Sessions =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 63], Gen.Int[0, KindByRoll.Length - 1], Gen.Int[0, 4],
                (id, pick, kind, variant) => new GigStep(id, pick, KindByRoll[kind], variant))
            .Array[1, 30]
            .Select(steps => new GigSession(steps));

    /// <summary>Command <paramref name="kind"/> in form <paramref name="variant"/> (0–4): some valid, some not, some unsettleable.</summary>
    public static GigCommand Build(int kind, int variant, RequestStamp stamp) => kind switch
    {
        0 => variant switch
        {
            1 => Register() with { Stamp = stamp, AgreedFee = new MoneyData("JPY", 50_000) },
            2 => Register() with { Stamp = stamp, AgreedFee = Eur(0) },
            3 => Register() with { Stamp = stamp, Venue = " " },
            4 => Register() with { Stamp = stamp, AgreedFee = Eur(long.MaxValue / 2) },
            _ => Register() with { Stamp = stamp },
        },
        1 => new SetLineup(stamp, GigId, variant switch
        {
            1 => [new("alice", "leader", false)],
            2 => [new("alice", "leader", false), new("alice", "member", false)],
            3 => [new("alice", "leader", false), new("zoe", "drums", true)],
            4 => [new("sam", "sub", true)],
            _ => Lineup,
        }),
        2 => new AddExpense(stamp, GigId, variant switch
        {
            1 => new ExpenseData("x-1", "bob", "Strings", Eur(200_000), "receipt-2"),
            2 => new ExpenseData("x-2", "alice", "Parking", Eur(1), "receipt-3"),
            3 => new ExpenseData("x-0", "alice", "Refund", Eur(-5), "receipt-4"),
            4 => new ExpenseData("x-1", "sam", "Taxi", Eur(7), "receipt-5"),
            _ => new ExpenseData("x-0", "alice", "Van hire", Eur(5_000), "receipt-1"),
        }),
        3 => new MarkPerformed(stamp, GigId),
        4 => new RecordFeeReceived(stamp, GigId, variant switch
        {
            1 => Eur(1),
            2 => Eur(0),
            3 => Eur(-5),
            4 => Eur(4_000_000_000_000_000_000),
            _ => Eur(100_000),
        }, Policy),
        _ => variant switch
        {
            1 => new CancelGig(stamp, GigId, "Venue flooded", Eur(20_000), Policy),
            2 => new CancelGig(stamp, GigId, "Venue flooded", Eur(20_000), null),
            3 => new CancelGig(stamp, GigId, "", null, null),
            4 => new CancelGig(stamp, GigId, "Band ill", Eur(1), Policy),
            _ => new CancelGig(stamp, GigId, "Venue flooded", null, null),
        },
    };
}
