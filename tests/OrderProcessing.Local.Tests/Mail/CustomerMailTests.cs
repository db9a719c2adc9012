using System.Text;
using System.Text.Json;
using MimeKit;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Local.Tests.Support;
using OrderProcessing.Testing.Pdf;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Orders;

namespace OrderProcessing.Local.Tests.Mail;

/// <summary>
/// Customer e-mail through the whole local host against a real SMTP server (npm's smtp-server, started here on a free
/// loopback port): each order sends exactly its e-mails, parsed back with MimeKit; redelivered and reordered events send
/// nothing twice; a server that is down or refuses costs retries and dead letters, never an order's progress.
/// </summary>
[NonParallelizable]
public sealed class CustomerMailTests
{
    [Test]
    public async Task WholeOrders_OverSmtp_SendExactlyTheirEmails_ParsedBackWithMimeKit()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await TestHost.StartAsync("--smtp", smtp.Endpoint, "--delivery-delay-ms", "0");
        using var api = new ApiClient(host.BaseAddress);

        var completed = Id(await api.PlaceAsync("sku-cafe", 2, "tok_visa"));
        var declined = Id(await api.PlaceAsync("sku-cafe", 1, "tok_declined"));
        await api.WaitForStatusAsync(completed, "COMPLETED");
        await api.WaitForStatusAsync(declined, "PAYMENT_FAILED");
        var mails = await MailsAsync(smtp, 5);

        var byOrder = mails.ToLookup(m => m.Headers["X-Order-Id"]);
        Assert.Multiple(() =>
        {
            Assert.That(byOrder[completed].Select(m => m.Subject ?? ""), Is.EquivalentTo(new[] { $"We received your order {completed}", $"Your order {completed} has shipped", $"Your invoice for order {completed}" }));
            Assert.That(byOrder[declined].Select(m => m.Subject ?? ""), Is.EquivalentTo(new[] { $"We received your order {declined}", $"Payment failed for order {declined}" }));
        });

        var raw = Encoding.ASCII.GetString(smtp.Messages[0]);
        var invoiceMail = byOrder[completed].Single(m => (m.Subject ?? "").StartsWith("Your invoice", StringComparison.Ordinal));
        var pdf = invoiceMail.Attachments.OfType<MimePart>().Single();
        using var pdfBytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(pdfBytes);
        var received = byOrder[completed].Single(m => (m.Subject ?? "").StartsWith("We received", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(raw, Does.Match(@"(?m)^To: =\?utf-8\?[bq]\?"), "the accented name is an RFC 2047 encoded word");
            Assert.That(received.To.Mailboxes.Single().Name, Is.EqualTo("Zoë Ångström"));
            Assert.That(received.From.Mailboxes.Single().Address, Is.EqualTo("shop@orderprocessing.local"));
            Assert.That(received.TextBody, Does.Contain("2 x Café de Colombia").And.Contain("Total: 49.80 USD"));
            Assert.That(received.HtmlBody, Does.Contain("Café de Colombia").And.Contain("12 Rue de la Paix"));
            Assert.That(pdf.FileName, Is.EqualTo($"invoice-{completed}.pdf"));
            Assert.That(PdfTools.ExtractText(pdfBytes.ToArray()), Does.Contain($"INV-{completed}").And.Contain("Zoë Ångström").And.Contain("Café de Colombia"));
        });
    }

    [Test]
    public async Task RedeliveredAndReorderedEvents_SendNothingTwice()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await TestHost.StartAsync("--smtp", smtp.Endpoint, "--delivery-delay-ms", "0");
        using var api = new ApiClient(host.BaseAddress);
        var orderId = Id(await api.PlaceAsync("sku-cafe", 1, "tok_visa"));
        await api.WaitForStatusAsync(orderId, "COMPLETED");
        await MailsAsync(smtp, 3);

        // The topic redelivers the shipped event twice and the received event late; then a second, cancelled order.
        foreach (var (status, version) in new[] { ("SHIPPED", 4), ("SHIPPED", 4), ("PENDING", 1), ("COMPLETED", 5) })
        {
            await api.PostAsync($"_local/stages/{SystemTopology.NotifyCustomer.Name}/messages", Envelope(orderId, status, version));
        }

        // The second order's events wait in the mail queue until it is cancelled: both still send their one e-mail each.
        await api.PostAsync("_local/stages/reserve-inventory/pause");
        await api.PostAsync($"_local/stages/{SystemTopology.NotifyCustomer.Name}/pause");
        var cancelled = Id(await api.PlaceAsync("sku-cafe", 1, "tok_visa"));
        await api.PostAsync($"orders/{cancelled}/cancel");
        await api.WaitForStatusAsync(cancelled, "CANCELLED");
        await api.PostAsync($"_local/stages/{SystemTopology.NotifyCustomer.Name}/resume");

        // A stale "shipped" for the cancelled order (it never shipped) is dropped, not mailed.
        await api.PostAsync($"_local/stages/{SystemTopology.NotifyCustomer.Name}/messages", Envelope(cancelled, "SHIPPED", 3));
        await Eventually.ValueAsync<int>(async () =>
        {
            var queue = (await api.GetAsync("_local/queues")).GetProperty("items").EnumerateArray().Single(q => q.GetProperty("stage").GetString() == SystemTopology.NotifyCustomer.Name);
            return queue.GetProperty("visible").GetInt32() + queue.GetProperty("delayed").GetInt32() + queue.GetProperty("inFlight").GetInt32() == 0 ? 0 : null;
        }, "the mail queue drained");

        var mails = await MailsAsync(smtp, 5);
        Assert.Multiple(() =>
        {
            Assert.That(mails.Count(m => m.Headers["X-Order-Id"] == orderId), Is.EqualTo(3), "no second e-mail for the first order");
            Assert.That(mails.Where(m => m.Headers["X-Order-Id"] == cancelled).Select(m => m.Subject), Is.EquivalentTo(new[] { $"We received your order {cancelled}", $"Order {cancelled} cancelled" }), "no shipping notice for an order that never shipped");
        });
    }

    [TestCase(false, TestName = "SmtpServerDown_MailIsRetriedThenDeadLettered_OrdersStillComplete")]
    [TestCase(true, TestName = "SmtpServerRefusing_MailIsRetriedThenDeadLettered_OrdersStillComplete")]
    public async Task BrokenSmtpServer_MailIsRetriedThenDeadLettered_OrdersStillComplete(bool refusing)
    {
        await using var refuser = refusing ? await SmtpTestServer.StartAsync(refuse: true) : null;
        var endpoint = refuser?.Endpoint ?? $"127.0.0.1:{NodeServer.FreeLoopbackPort()}";
        await using var host = await TestHost.StartAsync("--smtp", endpoint, "--delivery-delay-ms", "0");
        using var api = new ApiClient(host.BaseAddress);

        var orderId = Id(await api.PlaceAsync("sku-cafe", 1, "tok_visa"));
        await api.WaitForStatusAsync(orderId, "COMPLETED");

        async Task<List<JsonElement>> DeadLettersAsync() => (await api.GetAsync("_local/dead-letters")).GetProperty("items").EnumerateArray()
            .Where(d => d.GetProperty("stage").GetString() == SystemTopology.NotifyCustomer.Name).ToList();
        await Eventually.ValueAsync<int>(async () => (await DeadLettersAsync()).Count == 3 ? 3 : null, "the three e-mails are dead-lettered");
        var deadLetters = await DeadLettersAsync();

        Assert.Multiple(() =>
        {
            Assert.That(deadLetters.Select(d => d.GetProperty("receiveCount").GetInt32()), Is.All.EqualTo(SystemTopology.NotifyCustomer.MaxReceiveCount));
            Assert.That(deadLetters.Select(d => d.GetProperty("cause").GetString()), Is.All.Contain(refusing ? "refused the e-mail: 550" : "did not take the e-mail"));
            Assert.That(refuser?.Messages ?? [], Is.Empty);
        });
    }

    private static string Id(JsonElement order) => order.GetProperty("orderId").GetString()!;

    private static string Envelope(string orderId, string status, int version) => JsonSerializer.Serialize(
        new OrderEventEnvelope { EventType = "order_updated", OrderId = orderId, Status = status, OccurredAt = "2026-01-01T00:00:00.000Z", Version = version.ToString(System.Globalization.CultureInfo.InvariantCulture), SequenceNumber = "000000000000000000001" },
        AwsEventJsonContext.Default.OrderEventEnvelope);

    // Waits for exactly `count` messages, then a little more, so a late duplicate is caught rather than missed.
    private static async Task<IReadOnlyList<MimeMessage>> MailsAsync(SmtpTestServer smtp, int count)
    {
        await Eventually.TrueAsync(() => smtp.Messages.Count >= count, $"{count} e-mails arrive");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var messages = smtp.Messages;
        Assert.That(messages, Has.Count.EqualTo(count), "exactly that many e-mails");
        return [.. messages.Select(m => MimeMessage.Load(new MemoryStream(m)))];
    }
}
