using System.Collections.Frozen;

namespace OrderProcessing.Core.Pricing;

/// <summary>An ISO 4217 currency and the number of digits of its minor unit (2 for USD, 0 for JPY, 3 for KWD).</summary>
public readonly record struct Currency
{
    private static readonly FrozenDictionary<string, int> MinorUnitsByCode = new Dictionary<string, int>
    {
        ["AED"] = 2, ["ARS"] = 2, ["AUD"] = 2, ["BGN"] = 2, ["BHD"] = 3, ["BRL"] = 2, ["CAD"] = 2, ["CHF"] = 2,
        ["CLP"] = 0, ["CNY"] = 2, ["COP"] = 2, ["CZK"] = 2, ["DKK"] = 2, ["EGP"] = 2, ["EUR"] = 2, ["GBP"] = 2,
        ["HKD"] = 2, ["HUF"] = 2, ["IDR"] = 2, ["ILS"] = 2, ["INR"] = 2, ["ISK"] = 0, ["JOD"] = 3, ["JPY"] = 0,
        ["KRW"] = 0, ["KWD"] = 3, ["MAD"] = 2, ["MXN"] = 2, ["MYR"] = 2, ["NOK"] = 2, ["NZD"] = 2, ["OMR"] = 3,
        ["PHP"] = 2, ["PLN"] = 2, ["QAR"] = 2, ["RON"] = 2, ["SAR"] = 2, ["SEK"] = 2, ["SGD"] = 2, ["THB"] = 2,
        ["TND"] = 3, ["TRY"] = 2, ["TWD"] = 2, ["UAH"] = 2, ["USD"] = 2, ["VND"] = 0, ["ZAR"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The three-letter upper-case code.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point of the smallest unit.</summary>
    public int MinorUnits { get; }

    /// <summary>US dollar.</summary>
    public static Currency Usd => From("USD");

    /// <summary>Euro.</summary>
    public static Currency Eur => From("EUR");

    /// <summary>Every supported code, sorted.</summary>
    public static IReadOnlyList<string> SupportedCodes { get; } = MinorUnitsByCode.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The currency with this code, if supported.</summary>
    public static bool TryFrom(string? code, out Currency currency)
    {
        if (code is not null && MinorUnitsByCode.TryGetValue(code, out var minor))
        {
            currency = new Currency(code, minor);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>The currency with this code; throws <see cref="ArgumentException"/> if unsupported.</summary>
    public static Currency From(string code) =>
        TryFrom(code, out var c) ? c : throw new ArgumentException($"Unsupported currency '{code}'.", nameof(code));

    /// <summary>Rounds half to even at the minor unit (banker's rounding), as card networks settle.</summary>
    public decimal Round(decimal amount) => Math.Round(amount, MinorUnits, MidpointRounding.ToEven);

    /// <summary>True when <paramref name="amount"/> has no digits below the minor unit.</summary>
    public bool IsWholeMinorUnits(decimal amount) => Round(amount) == amount;

    /// <inheritdoc />
    public override string ToString() => Code ?? "";
}
