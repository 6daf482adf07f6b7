using MusicCollective.Domain.Monetary;

namespace MusicCollective.Domain.Entities;

/// <summary>Money as stored in events: currency code and whole minor units. Plain data, stable forever.</summary>
public sealed record MoneyData(string Currency, long MinorUnits)
{
    /// <summary>From a domain amount.</summary>
    public static MoneyData From(Money money) => new(money.Currency.Code, money.MinorUnits);

    /// <summary>Back to a domain amount.</summary>
    public Money ToMoney() => new(MinorUnits, Monetary.Currency.Of(Currency));
}
