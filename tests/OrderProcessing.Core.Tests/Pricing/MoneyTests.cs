using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Tests.Pricing;

/// <summary>Money holds amounts at the currency's minor unit, rounded half to even, and never mixes currencies.</summary>
public class MoneyTests
{
    [TestCase("USD", "2.345", "2.34")]
    [TestCase("USD", "2.355", "2.36")]
    [TestCase("USD", "2.3451", "2.35")]
    [TestCase("USD", "-2.345", "-2.34")]
    [TestCase("USD", "0.005", "0.00")]
    [TestCase("USD", "0.015", "0.02")]
    [TestCase("JPY", "2.5", "2")]
    [TestCase("JPY", "3.5", "4")]
    [TestCase("JPY", "1234.4999", "1234")]
    [TestCase("KWD", "1.0005", "1.000")]
    [TestCase("KWD", "1.0015", "1.002")]
    [TestCase("KWD", "1.00151", "1.002")]
    [TestCase("BHD", "0.0125", "0.012")]
    public void Amount_IsRoundedHalfToEven_AtTheMinorUnit(string currency, string amount, string expected) =>
        Assert.That(new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.From(currency)).Amount, Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("USD", 2)]
    [TestCase("EUR", 2)]
    [TestCase("JPY", 0)]
    [TestCase("KRW", 0)]
    [TestCase("KWD", 3)]
    [TestCase("BHD", 3)]
    [TestCase("TND", 3)]
    public void Currency_KnowsItsMinorUnit(string code, int minorUnits) =>
        Assert.That(Currency.From(code).MinorUnits, Is.EqualTo(minorUnits));

    [TestCase("usd")]
    [TestCase("XXX")]
    [TestCase("")]
    [TestCase("US")]
    public void Currency_UnknownOrLowerCaseCode_IsNotSupported(string code)
    {
        Assert.That(Currency.TryFrom(code, out _), Is.False);
        Assert.Throws<ArgumentException>(() => Currency.From(code));
    }

    [TestCase("USD", "12.5", "12.50")]
    [TestCase("JPY", "1235", "1235")]
    [TestCase("KWD", "1", "1.000")]
    [TestCase("USD", "1234567.891", "1234567.89")]
    public void FormatAmount_ShowsExactlyTheMinorUnitDigits_InvariantCulture(string currency, string amount, string expected) =>
        Assert.That(new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.From(currency)).FormatAmount(), Is.EqualTo(expected));

    [Test]
    public void ToString_IsAmountAndCode() =>
        Assert.That(new Money(9.5m, Currency.Eur).ToString(), Is.EqualTo("9.50 EUR"));

    [Test]
    public void Adding_SameCurrency_AddsAmounts() =>
        Assert.That(new Money(0.10m, Currency.Usd) + new Money(0.20m, Currency.Usd), Is.EqualTo(new Money(0.30m, Currency.Usd)));

    [Test]
    public void Adding_DifferentCurrencies_ThrowsCurrencyMismatch_NamingBoth()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => _ = new Money(1m, Currency.Usd) + new Money(1m, Currency.Eur));

        Assert.That(e.Left, Is.EqualTo(Currency.Usd));
        Assert.That(e.Right, Is.EqualTo(Currency.Eur));
        Assert.That(e.Message, Does.Contain("USD").And.Contain("EUR"));
    }

    [Test]
    public void Sum_OfAnotherCurrency_ThrowsCurrencyMismatch() =>
        Assert.Throws<CurrencyMismatchException>(() => Money.Sum([new Money(1m, Currency.Usd)], Currency.Eur));

    [Test]
    public void Sum_OfNothing_IsZeroInTheCurrency() =>
        Assert.That(Money.Sum([], Currency.From("JPY")), Is.EqualTo(Money.Zero(Currency.From("JPY"))));

    [Test]
    public void Multiplying_ByQuantity_RoundsTheLineHalfToEven()
    {
        Assert.That(new Money(0.35m, Currency.Usd) * 3, Is.EqualTo(new Money(1.05m, Currency.Usd)));
        Assert.That(new Money(19.99m, Currency.Usd).Multiply(1000).Amount, Is.EqualTo(19_990m));
    }

    [Test]
    public void Money_WithoutACurrency_IsRejected() =>
        Assert.Throws<ArgumentException>(() => _ = new Money(1m, default));

    [Test]
    public void Amounts_EqualInValue_AreEqualRegardlessOfTrailingZeros() =>
        Assert.That(new Money(1.5m, Currency.Usd), Is.EqualTo(new Money(1.50m, Currency.Usd)));
}
