using MimeKit;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Notifications;
using OrderProcessing.Testing.Orders;

namespace OrderProcessing.Functions.Tests.Notifications;

/// <summary>Every customer e-mail rendered from the one set of templates, written as MIME and parsed back as a mail client would.</summary>
public sealed class CustomerMailComposerTests
{
    private const string CustomerName = "Zoë Ångström-Núñez";
    private static readonly Address LongAddress = new(
        "Apartamento 14B, Edificio «Los Álamos», Calle de la Princesa Doña María de las Mercedes de Borbón 1234",
        "Escalera izquierda, tercera planta, puerta del fondo junto al ascensor de servicio",
        "San Cristóbal de La Laguna",
        "Santa Cruz de Tenerife",
        "38201",
        "ES");

    private static readonly OrderStatus[] FinalStatuses = [OrderStatus.Pending, OrderStatus.PaymentFailed, OrderStatus.Shipped, OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.OutOfStock];

    [TestCaseSource(nameof(FinalStatuses))]
    public void EveryTemplate_AccentedNamesLongAddressHundredLines_RendersBothPartsWithEncodedHeaders(OrderStatus status)
    {
        var order = HundredLineOrder(status == OrderStatus.Cancelled ? OrderStatus.Paid : status);
        if (status == OrderStatus.Cancelled)
        {
            order.Cancel("cancelled on request", order.UpdatedAt.AddMinutes(1));
        }

        var kind = CustomerMails.KindFor(status)!.Value;
        var composer = new CustomerMailComposer("Boutique Café <shop@example.com>", "Boutique Café");
        var invoice = kind == CustomerMailKind.Completed ? new InvoiceForMail("INV-" + order.OrderId, new PdfInvoiceRenderer().Render(Invoice.For(order)), null) : null;

        var parsed = RoundTrip(composer.Compose(order, kind, invoice), out var raw);

        Assert.Multiple(() =>
        {
            Assert.That(System.Text.RegularExpressions.Regex.Split(raw, @"\r?\n\r?\n")[0], Does.Match(@"(?m)^To: =\?utf-8\?[bq]\?"), "non-ASCII display names are RFC 2047 encoded words");
            Assert.That(raw.All(c => c < 128), Is.True, "the whole message is 7-bit: headers encoded, bodies transfer-encoded");
            Assert.That(parsed.To.Mailboxes.Single().Name, Is.EqualTo(CustomerName));
            Assert.That(parsed.From.Mailboxes.Single().Name, Is.EqualTo("Boutique Café"));
            Assert.That(parsed.Subject, Does.Contain(order.OrderId));
            Assert.That(parsed.MessageId, Is.EqualTo($"{order.OrderId}.{MailTemplates.FileName(kind)}@example.com"));
            Assert.That(parsed.TextBody, Does.StartWith($"Hello {CustomerName},"));
            Assert.That(parsed.HtmlBody, Does.Contain($"Hello {CustomerName},").And.Contain("<html"));
            Assert.That(parsed.TextBody, Does.Not.Contain("{{"));
            Assert.That(parsed.HtmlBody, Does.Not.Contain("{{"));
        });

        switch (kind)
        {
            case CustomerMailKind.OrderReceived:
                Assert.Multiple(() =>
                {
                    Assert.That(parsed.TextBody, Does.Contain("Café crème n°001").And.Contain("Café crème n°100"));
                    Assert.That(parsed.HtmlBody, Does.Contain("Café crème n°100"));
                    Assert.That(parsed.TextBody, Does.Contain($"Total: {order.Total.FormatAmount()} EUR"));
                    Assert.That(parsed.TextBody, Does.Contain(LongAddress.Line1).And.Contain(LongAddress.Line2).And.Contain("38201 San Cristóbal de La Laguna Santa Cruz de Tenerife"));
                    Assert.That(parsed.HtmlBody, Does.Contain("Edificio «Los Álamos»"));
                });
                break;
            case CustomerMailKind.Shipped:
                Assert.That(parsed.TextBody, Does.Contain($"Tracking number: {OrderBuilder.TrackingNumber}"));
                break;
            case CustomerMailKind.Completed:
                var attachment = parsed.Attachments.OfType<MimePart>().Single();
                Assert.Multiple(() =>
                {
                    Assert.That(attachment.ContentType.MimeType, Is.EqualTo("application/pdf"));
                    Assert.That(attachment.FileName, Is.EqualTo($"invoice-{order.OrderId}.pdf"));
                    Assert.That(parsed.TextBody, Does.Contain("is attached as a PDF"));
                });
                break;
            case CustomerMailKind.Cancelled:
                Assert.That(parsed.TextBody, Does.Contain($"refunding the payment of {order.Total}"));
                break;
            case CustomerMailKind.PaymentFailed:
                Assert.That(parsed.TextBody, Does.Contain("card declined").And.Contain("What to do next"));
                break;
            case CustomerMailKind.OutOfStock:
                Assert.That(parsed.TextBody, Does.Contain("not enough stock"));
                break;
        }
    }

    [Test]
    public void Cancelled_BeforePayment_SaysNoPaymentWasTaken()
    {
        var order = new OrderBuilder().WithCustomer("c-1", "z@example.com", CustomerName).InStatus(OrderStatus.Cancelled).Build();

        var parsed = RoundTrip(new CustomerMailComposer("shop@example.com", "Shop").Compose(order, CustomerMailKind.Cancelled), out _);

        Assert.That(parsed.TextBody, Does.Contain("No payment was taken").And.Not.Contain("refund"));
    }

    [Test]
    public void Completed_InvoiceTooLarge_IsLinkedNotAttached()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Completed).Build();
        var link = new Uri("https://api.example.com/orders/" + order.OrderId + "/invoice");

        var parsed = RoundTrip(new CustomerMailComposer("shop@example.com", "Shop").Compose(order, CustomerMailKind.Completed, new InvoiceForMail("INV-1", null, link)), out _);

        Assert.Multiple(() =>
        {
            Assert.That(parsed.Attachments, Is.Empty);
            Assert.That(parsed.TextBody, Does.Contain(link.ToString()));
            Assert.That(parsed.HtmlBody, Does.Contain($"href=\"{link}\""));
        });
    }

    [Test]
    public void Template_HtmlValues_AreEncoded()
    {
        var order = new OrderBuilder().WithCustomer("c-1", "x@example.com", "<script>alert(1)</script>").Build();

        var parsed = RoundTrip(new CustomerMailComposer("shop@example.com", "Shop").Compose(order, CustomerMailKind.OrderReceived), out _);

        Assert.That(parsed.HtmlBody, Does.Contain("&lt;script&gt;").And.Not.Contain("<script>"));
    }

    [Test]
    public void Template_UnknownValue_FailsTheRender()
    {
        Assert.That(() => new MailTemplate("Hello {{nobody}}", html: false).Render(new Dictionary<string, object>()), Throws.TypeOf<FormatException>());
    }

    private static MimeMessage RoundTrip(MimeMessage message, out string raw)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        raw = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        buffer.Position = 0;
        return MimeMessage.Load(buffer);
    }

    private static Order HundredLineOrder(OrderStatus status)
    {
        var lines = Enumerable.Range(1, 100)
            .Select(i => new OrderLine($"sku-{i:000}", $"Café crème n°{i:000}", i % 5 + 1, new Money(1.25m * i, Currency.Eur)))
            .ToArray();
        return new OrderBuilder()
            .WithId("ord_01M98TVPCMWY5Q7Y6ZK4N2H8QX")
            .WithCustomer("c-42", "zoe@example.com", CustomerName)
            .WithLines(lines)
            .ShippedTo(LongAddress)
            .InStatus(status)
            .Build();
    }
}
