using MusicCollective.ReadModel;

namespace MusicCollective.ReadModel.Tests;

/// <summary>Small builders for read-model rows, so a test shows only what it is about.</summary>
internal static class Rows
{
    /// <summary>A time with sub-microsecond ticks and a non-UTC offset: what the store must normalise.</summary>
    public static readonly DateTimeOffset Time = new DateTimeOffset(2025, 3, 1, 12, 34, 56, TimeSpan.FromHours(2))
        .AddTicks(1_234_567);

    /// <summary><see cref="Time"/> as the store returns it: UTC, whole microseconds.</summary>
    public static readonly DateTimeOffset StoredTime = new DateTimeOffset(2025, 3, 1, 10, 34, 56, TimeSpan.Zero)
        .AddTicks(1_234_560);

    public static MemberRow Member(string id, string name = "Ada") =>
        new(id, name, $"{id}@example.org", StoredTime);

    public static BandRow Band(string id, string name = "The Band") => new(id, name, StoredTime);

    public static GigRow Gig(string id, string bandId, DateOnly date, string status = "Booked") =>
        new(id, bandId, "Paradiso", date, status, "EUR", 150_000, StoredTime);

    public static LedgerPostingRow Posting(int index, string account, string currency, long amountMinor) =>
        new(index, account, currency, amountMinor, "GigShare", $"share of {account}", null, null, null, null, null,
            null);

    /// <summary>A transaction of the given postings, indexed in order.</summary>
    public static LedgerTransactionRow Tx(string id, params (string Account, string Currency, long AmountMinor)[] postings) =>
        new(id, StoredTime, $"gigs/{id}", $"settlement {id}",
            postings.Select((p, i) => Posting(i, p.Account, p.Currency, p.AmountMinor)).ToArray());

    /// <summary>A balanced transaction moving <paramref name="amountMinor"/> from one account to another.</summary>
    public static LedgerTransactionRow Transfer(string id, string from, string to, long amountMinor,
        string currency = "EUR") =>
        Tx(id, (from, currency, -amountMinor), (to, currency, amountMinor));

    public static AppendLedgerTransaction Append(LedgerTransactionRow transaction) => new(transaction);
}
