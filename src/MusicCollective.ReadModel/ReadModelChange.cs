namespace MusicCollective.ReadModel;

/// <summary>One change the projection applies to the read model; a batch of them is applied in one SQL transaction.</summary>
public abstract record ReadModelChange;

/// <summary>Insert or replace a member row.</summary>
public sealed record UpsertMember(MemberRow Member) : ReadModelChange;

/// <summary>Insert or replace a band row.</summary>
public sealed record UpsertBand(BandRow Band) : ReadModelChange;

/// <summary>Insert or replace a gig row.</summary>
public sealed record UpsertGig(GigRow Gig) : ReadModelChange;

/// <summary>Append a ledger transaction, unless one with the same id is already stored.</summary>
public sealed record AppendLedgerTransaction(LedgerTransactionRow Transaction) : ReadModelChange;

/// <summary>Change a gig's status (and update time) without touching its other columns.</summary>
public sealed record UpdateGigStatus(string GigId, string Status, DateTimeOffset UpdateTime) : ReadModelChange;
