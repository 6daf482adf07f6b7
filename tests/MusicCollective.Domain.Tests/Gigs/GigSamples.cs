using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Policies;
using MusicCollective.Domain.Tests.Entities;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>
/// Gig "g-1" of band "b-1": fee 1,000.00 EUR, line-up alice (leader 1.5), bob (member 1) and hired sam (sub, 150.00
/// flat), and the commands that walk it through its life.
/// </summary>
internal static class GigSamples
{
    public const string GigId = "g-1";
    public static readonly DateTimeOffset Now = new(2024, 6, 2, 9, 30, 0, TimeSpan.Zero);
    public static readonly DateOnly Date = new(2024, 6, 1);

    public static MoneyData Eur(long minorUnits) => new("EUR", minorUnits);

    /// <summary>Fund 3%, leader 1.5, member 1, sub 150.00 EUR flat.</summary>
    public static SplitPolicyData Policy { get; } = new("standard", 1, new DateOnly(2024, 1, 1), 0.03m, 0.05m,
        [new RoleWeightData("leader", 1.5m), new RoleWeightData("member", 1m)],
        [new FixedFeeData("sub", Eur(15_000))]);

    public static IReadOnlyList<LineupEntryData> Lineup { get; } =
        [new("alice", "leader", false), new("bob", "member", false), new("sam", "sub", true)];

    /// <summary>Alice paid 50.00 for the van.</summary>
    public static ExpenseData Van { get; } = new("x-1", "alice", "Van hire", Eur(5_000), "receipt-17");

    public static RegisterGig Register(string requestId = "r-register", string gigId = GigId, string bandId = "b-1",
        string venue = "Paradiso", DateOnly? date = null, MoneyData? fee = null, IReadOnlyList<LineupEntryData>? lineup = null) =>
        new(Stamps.Of(requestId), gigId, bandId, venue, date ?? Date, fee ?? Eur(100_000), lineup ?? Lineup, "gigbook");

    public static MarkPerformed Performed(string requestId = "r-performed") => new(Stamps.Of(requestId), GigId);

    public static AddExpense Expense(string requestId = "r-expense", ExpenseData? expense = null) =>
        new(Stamps.Of(requestId), GigId, expense ?? Van);

    public static RecordFeeReceived Fee(string requestId = "r-fee", MoneyData? fee = null, SplitPolicyData? policy = null) =>
        new(Stamps.Of(requestId), GigId, fee ?? Eur(100_000), policy ?? Policy);

    public static CancelGig Cancel(string requestId = "r-cancel", MoneyData? killFee = null, SplitPolicyData? policy = null,
        string reason = "Venue flooded") => new(Stamps.Of(requestId), GigId, reason, killFee, policy);

    public static SetLineup SetLineup(string requestId, IReadOnlyList<LineupEntryData> lineup) => new(Stamps.Of(requestId), GigId, lineup);

    /// <summary>A command of each mutating kind but register, by name, for theories.</summary>
    public static GigCommand Command(string kind) => kind switch
    {
        "set-lineup" => SetLineup("r-kind", Lineup),
        "add-expense" => Expense("r-kind", Van with { ExpenseId = "x-9" }),
        "mark-performed" => Performed("r-kind"),
        "record-fee" => Fee("r-kind"),
        "cancel" => Cancel("r-kind"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown command kind"),
    };

    public static GigState Booked() => GigState.Initial(GigId).Run(Register());

    public static GigState PerformedWithVan() => Booked().Run(Expense()).Run(Performed());

    public static GigState Settled() => PerformedWithVan().Run(Fee());

    /// <summary>Processes a command that must be accepted and applies its event.</summary>
    public static GigState Run(this GigState state, GigCommand command) =>
        state.Apply(EntityAssert.Accepted<GigEvent>(state.Process(command, Now)));
}
