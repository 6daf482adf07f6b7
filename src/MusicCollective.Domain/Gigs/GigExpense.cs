using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Gigs;

/// <summary>An accepted expense: who paid it, what for, how much, and the receipt that proves it.</summary>
public sealed record GigExpense(string ExpenseId, string PaidBy, Money Amount, string Description, string ReceiptReference);
