namespace MusicCollective.Domain.Gigs;

/// <summary>Something that happened to a gig. Stored forever: fields are only ever added, never changed.</summary>
public abstract record GigEvent(string GigId, string RequestId, string PayloadHash, DateTimeOffset Time)
    : Entities.IRequestEvent;

/// <summary>A gig was registered.</summary>
public sealed record GigRegistered(string GigId, string RequestId, string PayloadHash, DateTimeOffset Time,
    string BandId, string Venue, DateOnly Date, Entities.MoneyData AgreedFee, IReadOnlyList<LineupEntryData> Lineup,
    string RegisteredBy) : GigEvent(GigId, RequestId, PayloadHash, Time);

/// <summary>The line-up was replaced.</summary>
public sealed record GigLineupSet(string GigId, string RequestId, string PayloadHash, DateTimeOffset Time,
    IReadOnlyList<LineupEntryData> Lineup) : GigEvent(GigId, RequestId, PayloadHash, Time);

/// <summary>An expense was added.</summary>
public sealed record GigExpenseAdded(string GigId, string RequestId, string PayloadHash, DateTimeOffset Time,
    ExpenseData Expense) : GigEvent(GigId, RequestId, PayloadHash, Time);

/// <summary>The gig was played.</summary>
public sealed record GigPerformed(string GigId, string RequestId, string PayloadHash, DateTimeOffset Time)
    : GigEvent(GigId, RequestId, PayloadHash, Time);

/// <summary>The fee was received and divided: one balanced ledger transaction.</summary>
public sealed record GigSettled(string GigId, string RequestId, string PayloadHash, DateTimeOffset Time,
    SettlementData Settlement) : GigEvent(GigId, RequestId, PayloadHash, Time);

/// <summary>The gig was called off, with the kill fee's settlement if there was one.</summary>
public sealed record GigCancelled(string GigId, string RequestId, string PayloadHash, DateTimeOffset Time,
    string Reason, SettlementData? Settlement) : GigEvent(GigId, RequestId, PayloadHash, Time);
