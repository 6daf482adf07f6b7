using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Policies;

namespace MusicCollective.Domain.Gigs;

/// <summary>Routes a message to one gig entity.</summary>
public interface IWithGigId
{
    /// <summary>The gig the message is for.</summary>
    string GigId { get; }
}

/// <summary>A command to a gig entity.</summary>
public abstract record GigCommand(string GigId) : IWithGigId;

/// <summary>Registers a gig for a band.</summary>
public sealed record RegisterGig(RequestStamp Stamp, string GigId, string BandId, string Venue, DateOnly Date,
    MoneyData AgreedFee, IReadOnlyList<LineupEntryData> Lineup, string RegisteredBy) : GigCommand(GigId), IStamped;

/// <summary>Replaces the line-up.</summary>
public sealed record SetLineup(RequestStamp Stamp, string GigId, IReadOnlyList<LineupEntryData> Lineup)
    : GigCommand(GigId), IStamped;

/// <summary>Adds an accepted expense.</summary>
public sealed record AddExpense(RequestStamp Stamp, string GigId, ExpenseData Expense) : GigCommand(GigId), IStamped;

/// <summary>Marks the gig as played.</summary>
public sealed record MarkPerformed(RequestStamp Stamp, string GigId) : GigCommand(GigId), IStamped;

/// <summary>Records the fee received and settles it by <see cref="Policy"/> (the version in force on the gig's date).</summary>
public sealed record RecordFeeReceived(RequestStamp Stamp, string GigId, MoneyData Fee, SplitPolicyData Policy)
    : GigCommand(GigId), IStamped;

/// <summary>Cancels the gig; a kill fee, if given, is settled by <see cref="Policy"/>.</summary>
public sealed record CancelGig(RequestStamp Stamp, string GigId, string Reason, MoneyData? KillFee, SplitPolicyData? Policy)
    : GigCommand(GigId), IStamped;

/// <summary>Asks for the gig's state.</summary>
public sealed record GetGig(string GigId) : GigCommand(GigId);
