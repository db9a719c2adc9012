using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Tests.Invoices.Pdf;
using OrderProcessing.Testing.Pdf;

namespace OrderProcessing.Core.Tests.Invoices;

/// <summary>The invoice PDF as real readers see it: qpdf validates it, pdftotext extracts what a customer must find.</summary>
public sealed class PdfInvoiceRendererTests
{
    private static readonly DateTimeOffset Shipped = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    [Test]
    public void Invoice_PassesQpdfCheck_AndShowsOrderLinesTotalAndAccentedName()
    {
        var invoice = InvoiceFor("José Müller-Peña", ("sku-1", "Café crème mug", 2, 12.50m), ("sku-2", "Smørrebrød plate", 1, 7.25m), ("sku-3", "Ñandú poster (A2)", 3, 0.99m));

        var pdf = new PdfInvoiceRenderer().Render(invoice);

        PdfTools.AssertValid(pdf);
        var text = PdfTools.ExtractText(pdf);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("ord_TEST123"));
            Assert.That(text, Does.Contain("José Müller-Peña"));
            Assert.That(text, Does.Contain("Café crème mug").And.Contain("25.00 USD"));
            Assert.That(text, Does.Contain("Smørrebrød plate").And.Contain("7.25 USD"));
            Assert.That(text, Does.Contain("Ñandú poster (A2)").And.Contain("2.97 USD"));
            Assert.That(text, Does.Match(@"Total\s+35\.22 USD"));
            Assert.That(text, Does.Contain("OPTRACK"));
        });
    }

    [Test]
    public void HundredLines_SpanSeveralPages_EveryLineOnce_TotalOnLastPage()
    {
        var lines = Enumerable.Range(1, 100).Select(i => ($"sku-{i:000}", $"Article numéro {i:000}", i % 7 + 1, 1.10m * i)).ToArray();
        var invoice = InvoiceFor("Åsa Öberg", lines);

        var pdf = new PdfInvoiceRenderer().Render(invoice);

        PdfTools.AssertValid(pdf);
        var pages = PdfTools.ExtractPages(pdf);
        Assert.That(pages, Has.Count.GreaterThan(1));
        var all = string.Join("\n", pages);
        Assert.Multiple(() =>
        {
            foreach (var (_, name, _, _) in lines)
            {
                Assert.That(all.Split(name).Length - 1, Is.EqualTo(1), $"{name} should appear exactly once");
            }

            Assert.That(pages[^1], Does.Contain("Total").And.Contain(invoice.Total.FormatAmount()));
            Assert.That(pages[1], Does.Contain("(continued)").And.Contain("Unit price"));
        });
    }

    [Test]
    public void LongInvoiceAndOrderNumbers_ReadInFull_WithoutEllipsis()
    {
        var invoice = InvoiceFor("Åsa Öberg", ("sku-1", "Mug", 1, 5m)) with { OrderId = "ord_01M98TVPCMWY5Q7Y6ZK4N2H8QX", InvoiceNumber = "INV-ord_01M98TVPCMWY5Q7Y6ZK4N2H8QX" };

        var text = PdfTools.ExtractText(new PdfInvoiceRenderer().Render(invoice));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("INV-ord_01M98TVPCMWY5Q7Y6ZK4N2H8QX"));
            Assert.That(text, Does.Match(@"Order\s+ord_01M98TVPCMWY5Q7Y6ZK4N2H8QX"));
            Assert.That(text, Does.Not.Contain("…"));
        });
    }

    [Test]
    public void SameInvoice_RendersIdenticalBytes()
    {
        var invoice = InvoiceFor("Zoë", ("sku-1", "Thing", 1, 1m));

        var first = new PdfInvoiceRenderer().Render(invoice);
        var second = new PdfInvoiceRenderer().Render(invoice);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void NameOutsideTheFont_DegradesVisibly_AndFileStaysValid()
    {
        var pdf = new PdfInvoiceRenderer().Render(InvoiceFor("Пётр 李", ("sku-1", "Thing", 1, 1m)));

        PdfTools.AssertValid(pdf);
        Assert.That(PdfTools.ExtractText(pdf), Does.Contain("????"));
    }

    private static Invoice InvoiceFor(string customerName, params (string Id, string Name, int Quantity, decimal Price)[] lines)
    {
        var order = Order.Place(
            "ord_TEST123",
            new Customer("c-1", "jose@example.com", customerName),
            lines.Select(l => new OrderLine(l.Id, l.Name, l.Quantity, new Money(l.Price, Currency.Usd))).ToList(),
            new Address("1 Calle Mayor", null, "Sevilla", null, "41001", "ES"),
            "tok_visa",
            Shipped.AddHours(-2));
        order.MarkReserved(Shipped.AddHours(-1));
        order.MarkPaid("pay_1", Shipped.AddMinutes(-30));
        order.MarkShipped("OPTRACK0000000001", Shipped);
        return Invoice.For(order);
    }
}
