using FsCheck;
using FsCheck.Fluent;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Core.Tests.Pricing;

/// <summary>Properties of money and order totals over generated currencies, prices, quantities and line orders.</summary>
public class MoneyPropertyTests
{
    private static readonly Gen<Currency> Currencies = Gen.Elements(Currency.SupportedCodes.ToArray()).Select(code => Currency.From(code));

    // Raw amounts with up to six decimals, so most need rounding and ties at every minor unit occur.
    private static readonly Gen<decimal> RawAmounts =
        Gen.Zip(Gen.Choose(0, 200_000_000), Gen.Choose(0, 6)).Select(p => p.Item1 / HalfEven.Pow10(p.Item2));

    private static readonly Gen<(decimal RawPrice, int Quantity)> Lines =
        Gen.Zip(RawAmounts.Where(a => a <= 1_000_000m), Gen.Choose(1, 1000));

    private static readonly Gen<(Currency Currency, (decimal RawPrice, int Quantity)[] Lines)> Orders =
        Gen.Zip(Currencies, Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(Lines, n)));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Money_IsHalfEvenAtTheMinorUnit_OfAnyAmount() =>
        Prop.ForAll((from c in Currencies from r in RawAmounts from s in Gen.Elements(1, -1) select (c, r, s)).ToArbitrary(), t =>
        {
            var (currency, raw, sign) = t;
            var amount = new Money(sign * raw, currency).Amount;
            return amount == HalfEven.Round(sign * raw, currency.MinorUnits)
                && HalfEven.IsWholeMinorUnits(amount, currency.MinorUnits)
                && Math.Abs(amount - (sign * raw)) <= 0.5m / HalfEven.Pow10(currency.MinorUnits);
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Ties_RoundToTheEvenNeighbour_InJpyUsdAndKwd() =>
        Prop.ForAll(Gen.Zip(Gen.Elements("JPY", "USD", "KWD").Select(code => Currency.From(code)), Gen.Choose(-1_000_000, 1_000_000)).ToArbitrary(), t =>
        {
            var (currency, units) = t;
            var unit = 1m / HalfEven.Pow10(currency.MinorUnits);
            var tie = (units + 0.5m) * unit;
            var even = (units % 2 == 0 ? units : units + 1) * unit;
            return new Money(tie, currency).Amount == even;
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property OrderTotal_IsTheSumOfTheRoundedLineTotals() =>
        Prop.ForAll(Orders.ToArbitrary(), o =>
        {
            var order = OrderOf(o.Currency, o.Lines);
            var digits = o.Currency.MinorUnits;
            var expectedLines = o.Lines.Select(l => HalfEven.Round(HalfEven.Round(l.RawPrice, digits) * l.Quantity, digits)).ToList();
            return order.Lines.Select(l => l.LineTotal.Amount).SequenceEqual(expectedLines)
                && order.Total.Amount == expectedLines.Sum()
                && order.Total.Currency == o.Currency
                && HalfEven.IsWholeMinorUnits(order.Total.Amount, digits);
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property OrderTotal_DoesNotDependOnLineOrder() =>
        Prop.ForAll(Orders.SelectMany(o => Gen.Shuffle(o.Lines).Select(shuffled => (o.Currency, o.Lines, Shuffled: shuffled))).ToArbitrary(), t =>
            OrderOf(t.Currency, t.Lines).Total == OrderOf(t.Currency, t.Shuffled).Total);

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Adding_DifferentCurrencies_AlwaysThrows_AndSameCurrencyNever() =>
        Prop.ForAll((from a in Currencies from b in Currencies from x in RawAmounts from y in RawAmounts select (a, b, x, y)).ToArbitrary(), t =>
        {
            var (a, b, x, y) = t;
            var left = new Money(x, a);
            var right = new Money(y, b);
            if (a == b)
            {
                return (left + right).Amount == left.Amount + right.Amount;
            }

            try
            {
                _ = left + right;
                return false;
            }
            catch (CurrencyMismatchException e)
            {
                return e.Left == a && e.Right == b;
            }
        });

    private static Order OrderOf(Currency currency, IEnumerable<(decimal RawPrice, int Quantity)> lines) =>
        Order.Place(
            "ord_p",
            new Customer("c-1", "a@example.com", "A"),
            lines.Select((l, i) => new OrderLine($"sku-{i}", "x", l.Quantity, new Money(l.RawPrice, currency))).ToList(),
            new Address("1 Main St", null, "Springfield", null, "12345", "US"),
            "tok_visa",
            TestClock.Start);
}
