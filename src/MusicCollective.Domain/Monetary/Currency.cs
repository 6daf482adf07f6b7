using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Monetary;

/// <summary>
/// An active ISO 4217 currency: its three-letter code and its minor-unit exponent (EUR 2, JPY 0, BHD 3).
/// Instances come only from <see cref="Of"/> and are shared, so two currencies are equal exactly when their codes are.
/// </summary>
public sealed class Currency : IEquatable<Currency>
{
    private Currency(string code, int exponent)
    {
        Code = code;
        Exponent = exponent;
        MinorUnitsPerMajor = Pow10.Long(exponent);
    }

    /// <summary>The ISO 4217 alphabetic code, upper case.</summary>
    public string Code { get; }

    /// <summary>Decimal places of the minor unit: 2 for EUR (cents), 0 for JPY, 3 for BHD (fils).</summary>
    public int Exponent { get; }

    /// <summary>10^Exponent: how many minor units make one major unit.</summary>
    public long MinorUnitsPerMajor { get; }

    /// <summary>The currency with this code; throws <see cref="DomainErrorCode.UnknownCurrency"/> if it is not active.</summary>
    public static Currency Of(string code, string field = "currency")
    {
        if (TryOf(code, out var currency)) return currency;
        throw new DomainException(DomainErrorCode.UnknownCurrency, field,
            $"'{code}' is not an active ISO 4217 currency code");
    }

    /// <summary>Looks a code up without throwing. Codes are matched exactly: "eur" is not "EUR".</summary>
    public static bool TryOf(string? code, out Currency currency)
    {
        if (code is not null && All.TryGetValue(code, out var found))
        {
            currency = found;
            return true;
        }
        currency = null!;
        return false;
    }

    /// <summary>Every active currency, by code.</summary>
    public static IReadOnlyDictionary<string, Currency> All { get; } =
        CurrencyTable.ExponentsByCode.ToDictionary(p => p.Key, p => new Currency(p.Key, p.Value), StringComparer.Ordinal);

    /// <summary>Euro, the co-op's home currency; a shorthand for <c>Of("EUR")</c>.</summary>
    public static Currency Eur { get; } = All["EUR"];

    /// <inheritdoc />
    public bool Equals(Currency? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Code;

    /// <summary>Equality by code.</summary>
    public static bool operator ==(Currency? left, Currency? right) => ReferenceEquals(left, right);

    /// <summary>Inequality by code.</summary>
    public static bool operator !=(Currency? left, Currency? right) => !ReferenceEquals(left, right);
}
