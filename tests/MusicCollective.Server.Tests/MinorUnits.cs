using Google.Type;

namespace MusicCollective.Server.Tests;

/// <summary>google.type.Money ⇄ whole minor units, exactly, for the currencies the crash test uses.</summary>
internal static class MinorUnits
{
    private const long NanosPerUnit = 1_000_000_000;

    private static readonly Dictionary<string, long> PerMajor = new(StringComparer.Ordinal)
    {
        ["EUR"] = 100,
        ["JPY"] = 1,
    };

    /// <summary>The amount in minor units; an amount the currency cannot hold exactly is an error.</summary>
    public static long Of(Money money)
    {
        var perMajor = PerMajor[money.CurrencyCode];
        var nanosPerMinor = NanosPerUnit / perMajor;
        if (money.Nanos % nanosPerMinor != 0)
        {
            throw new InvalidOperationException($"{money} is not a whole number of {money.CurrencyCode} minor units");
        }
        return checked(money.Units * perMajor + money.Nanos / nanosPerMinor);
    }

    /// <summary>Minor units as wire money.</summary>
    public static Money ToMoney(string currency, long minor)
    {
        var perMajor = PerMajor[currency];
        return new Money
        {
            CurrencyCode = currency,
            Units = minor / perMajor,
            Nanos = checked((int)(minor % perMajor * (NanosPerUnit / perMajor))),
        };
    }
}
