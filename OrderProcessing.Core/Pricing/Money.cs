using System.Globalization;

namespace OrderProcessing.Core.Pricing;

/// <summary>An amount in a currency, always held rounded (half to even) to the currency's minor unit.</summary>
public readonly record struct Money
{
    /// <summary>Creates an amount, rounding half to even to the currency's minor unit.</summary>
    public Money(decimal amount, Currency currency)
    {
        if (currency.Code is null)
        {
            throw new ArgumentException("A currency is required.", nameof(currency));
        }

        Currency = currency;
        Amount = currency.Round(amount);
    }

    /// <summary>The amount, at the currency's minor unit.</summary>
    public decimal Amount { get; }

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Multiplies a unit price by a quantity and rounds the line half to even.</summary>
    public static Money operator *(Money unitPrice, int quantity) => new(unitPrice.Amount * quantity, unitPrice.Currency);

    /// <summary>Same as <c>+</c>, for languages without operators.</summary>
    public Money Add(Money other) => this + other;

    /// <summary>Same as <c>*</c>, for languages without operators.</summary>
    public Money Multiply(int quantity) => this * quantity;

    /// <summary>Sums amounts that must all be in <paramref name="currency"/>.</summary>
    public static Money Sum(IEnumerable<Money> amounts, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero(currency);
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }

    /// <summary>The amount with exactly the minor-unit digits, invariant culture (<c>12.50</c>).</summary>
    public string FormatAmount() => Amount.ToString("F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => $"{FormatAmount()} {Currency.Code}";

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new CurrencyMismatchException(left.Currency, right.Currency);
        }
    }
}
