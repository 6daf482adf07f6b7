using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Monetary;
using ProtoMoneyValue = Google.Type.Money;

namespace MusicCollective.Grpc.Mapping;

/// <summary>
/// google.type.Money ⇄ domain money, exactly: units + nanos/10⁹ in decimal arithmetic, then converted only if the
/// currency can hold the amount without rounding ("12.305 EUR" is INVALID_ARGUMENT, never 12.30 or 12.31).
/// </summary>
public static class ProtoMoney
{
    private const long NanosPerUnit = 1_000_000_000;

    /// <summary>Converts a required amount; <paramref name="field"/> names it in errors.</summary>
    public static MoneyData ToData(ProtoMoneyValue? money, string field)
    {
        if (money is null) throw new DomainException(DomainErrorCode.Required, field, $"{field} is required");
        var currency = Currency.Of(money.CurrencyCode, $"{field}.currency_code");
        if (money.Nanos <= -NanosPerUnit || money.Nanos >= NanosPerUnit
            || (money.Units > 0 && money.Nanos < 0) || (money.Units < 0 && money.Nanos > 0))
        {
            throw new DomainException(DomainErrorCode.MalformedAmount, $"{field}.nanos",
                "nanos must be within ±999,999,999 and have the same sign as units");
        }
        var value = money.Units + money.Nanos / (decimal)NanosPerUnit;
        return MoneyData.From(Money.FromDecimal(value, currency, field));
    }

    /// <summary>Converts an optional amount: null when unset.</summary>
    public static MoneyData? ToOptionalData(ProtoMoneyValue? money, string field) => money is null ? null : ToData(money, field);

    /// <summary>Domain amount → wire.</summary>
    public static ProtoMoneyValue ToProto(MoneyData money) => ToProto(money.Currency, money.MinorUnits);

    /// <summary>Minor units of a currency → wire.</summary>
    public static ProtoMoneyValue ToProto(string currencyCode, long minorUnits)
    {
        var perMajor = Currency.Of(currencyCode).MinorUnitsPerMajor;
        var units = minorUnits / perMajor;
        var rest = minorUnits % perMajor;
        return new ProtoMoneyValue
        {
            CurrencyCode = currencyCode,
            Units = units,
            Nanos = (int)(rest * (NanosPerUnit / perMajor)),
        };
    }
}
