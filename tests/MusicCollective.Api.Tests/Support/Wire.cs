using Google.Type;

namespace MusicCollective.Api.Tests.Support;

/// <summary>Short builders and readers for wire values: money, dates, unique ids.</summary>
public static class Wire
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    /// <summary>An amount in euros, exactly (12.30m → units 12, nanos 300000000).</summary>
    public static Money Eur(decimal amount) => Of("EUR", amount);

    /// <summary>An amount in any currency code, exactly (the code is not checked: tests send bad ones).</summary>
    public static Money Of(string currency, decimal amount)
    {
        var units = decimal.Truncate(amount);
        return new Money
        {
            CurrencyCode = currency,
            Units = (long)units,
            Nanos = (int)((amount - units) * NanosPerUnit),
        };
    }

    /// <summary>The exact decimal value of a wire amount.</summary>
    public static decimal ToDecimal(this Money money) => money.Units + money.Nanos / NanosPerUnit;

    /// <summary>"12.30 EUR"-style text for assertions.</summary>
    public static string Text(this Money? money) => money is null ? "(none)" : $"{money.ToDecimal()} {money.CurrencyCode}";

    /// <summary>A date.</summary>
    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>A unique id with a readable prefix: lower-case letters, digits and '-', as entity ids must be.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A unique request id.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("N");
}
