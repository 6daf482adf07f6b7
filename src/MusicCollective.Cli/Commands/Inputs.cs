using System.CommandLine;
using Google.Type;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Commands;

/// <summary>Typed values from string options, with the option's name in every complaint ("--fee: '1,5' is not ...").</summary>
internal static class Inputs
{
    public static Money Money(CommandContext context, Option<string> amount, Option<string> currency)
    {
        var code = CurrencyOrThrow(context, currency, amount);
        return Named(amount, () => MoneyText.Parse(context.Required(amount), code));
    }

    /// <summary>An optional amount: null when not given; needs <paramref name="currency"/> when given.</summary>
    public static Money? OptionalMoney(CommandContext context, Option<string?> amount, Option<string> currency)
    {
        var text = context.Value(amount);
        if (text is null)
        {
            return null;
        }

        var code = CurrencyOrThrow(context, currency, amount);
        return Named(amount, () => MoneyText.Parse(text, code));
    }

    public static Date Date(CommandContext context, Option<string> option) =>
        Named(option, () => DateText.Parse(context.Required(option)));

    public static string Decimal(CommandContext context, Option<string> option) =>
        Named(option, () => DecimalText.Parse(context.Required(option)));

    public static T Named<T>(Symbol symbol, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (UsageException ex)
        {
            throw new UsageException($"{symbol.Name}: {ex.Message}");
        }
    }

    private static string CurrencyOrThrow(CommandContext context, Option<string> currency, Symbol amount)
    {
        var code = context.Value(currency);
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new UsageException($"{currency.Name} is required with {amount.Name}");
        }

        return Named(currency, () => CurrencyText.Parse(code));
    }
}
