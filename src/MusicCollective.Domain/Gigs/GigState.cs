using System.Collections.Immutable;
using MusicCollective.Domain.Entities;

namespace MusicCollective.Domain.Gigs;

/// <summary>A gig as its entity knows it: plain data, so snapshots serialise as they are.</summary>
public sealed record GigState : IEntityState
{
    /// <summary>Longest venue, description, reason or receipt reference.</summary>
    public const int TextLengthMax = 200;

    /// <summary>The state before any event.</summary>
    public static GigState Initial(string gigId) => new() { GigId = gigId };

    /// <summary>The gig's id.</summary>
    public string GigId { get; init; } = "";

    /// <summary>True once registered.</summary>
    public bool Exists { get; init; }

    /// <summary>The band that plays.</summary>
    public string BandId { get; init; } = "";

    /// <summary>Where.</summary>
    public string Venue { get; init; } = "";

    /// <summary>When; the split policy in force on this date applies.</summary>
    public DateOnly Date { get; init; }

    /// <summary>The fee agreed at booking; its currency is the gig's currency.</summary>
    public MoneyData AgreedFee { get; init; } = new("EUR", 0);

    /// <summary>Lifecycle position.</summary>
    public GigStatus Status { get; init; } = GigStatus.Booked;

    /// <summary>Who plays, in which role.</summary>
    public ImmutableList<LineupEntryData> Lineup { get; init; } = [];

    /// <summary>Accepted expenses.</summary>
    public ImmutableList<ExpenseData> Expenses { get; init; } = [];

    /// <summary>The fee's (or kill fee's) settlement, once made.</summary>
    public SettlementData? Settlement { get; init; }

    /// <summary>Why the gig was cancelled, if it was.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>The caller that registered the gig (a partner app or member).</summary>
    public string RegisteredBy { get; init; } = "";

    /// <summary>When the gig was registered.</summary>
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>When the gig last changed.</summary>
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>Request ids already applied.</summary>
    public IdempotencyLog Requests { get; init; } = IdempotencyLog.Empty;

    /// <summary>True once settled or cancelled: nothing about it may change any more.</summary>
    public bool IsClosed => Status is GigStatus.Settled or GigStatus.Cancelled;
}
