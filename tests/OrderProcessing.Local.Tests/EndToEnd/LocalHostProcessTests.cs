using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Local.Tests.Support;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;

namespace OrderProcessing.Local.Tests.EndToEnd;

/// <summary>
/// The host as users run it (<c>dotnet OrderProcessing.Local.dll --port N</c>) driven over HTTP: the real API function,
/// the real stage functions behind the in-process pipeline, in-memory stores.
/// </summary>
[NonParallelizable]
public sealed class LocalHostProcessTests
{
    private LocalHostProcess _host = null!;
    private ApiClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await TestHost.StartAsync("--delivery-delay-ms", "0");
        _api = new ApiClient(_host.BaseAddress);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await TestContext.Out.WriteLineAsync(_host.Output);
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Order_PaidWithAnApprovingToken_ReachesCompletedWithAPdfInvoice()
    {
        var placed = await _api.PlaceAsync("sku-cafe", 2, "tok_visa");
        var orderId = placed.GetProperty("orderId").GetString()!;

        var order = await _api.WaitForStatusAsync(orderId, "COMPLETED");
        using var invoice = await _api.Http.GetAsync(new Uri($"orders/{orderId}/invoice", UriKind.Relative));
        var pdf = await invoice.Content.ReadAsByteArrayAsync();

        Assert.That(order.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()), Is.EqualTo(new[] { "PENDING", "RESERVED", "PAID", "SHIPPED", "COMPLETED" }));
        Assert.That(order.GetProperty("trackingNumber").GetString(), Is.Not.Empty);
        Assert.That(order.GetProperty("invoiceAvailable").GetBoolean(), Is.True);
        Assert.That(invoice.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(invoice.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        await Eventually.TrueAsync(() => Notifications().Any(n => n.OrderId == orderId && n.EventType == "order_completed"), "the completion notification is written");
    }

    [Test]
    public async Task Order_WithADeclinedToken_EndsPaymentFailedAndGivesItsStockBack()
    {
        var before = await _api.AvailableAsync("sku-jalapeno");

        var placed = await _api.PlaceAsync("sku-jalapeno", 3, "tok_declined");
        var order = await _api.WaitForStatusAsync(placed.GetProperty("orderId").GetString()!, "PAYMENT_FAILED");

        Assert.That(order.GetProperty("invoiceAvailable").GetBoolean(), Is.False);
        Assert.That(await _api.AvailableAsync("sku-jalapeno"), Is.EqualTo(before));
    }

    [Test]
    public async Task Payment_FailingOnce_IsRetriedThroughTheStageQueueAndCompletes()
    {
        var placed = await _api.PlaceAsync("sku-muesli", 1, "tok_flaky");
        var orderId = placed.GetProperty("orderId").GetString()!;

        await _api.WaitForStatusAsync(orderId, "COMPLETED");

        // The console logger writes in the background: the line may follow the order's completion by a moment.
        await Eventually.TrueAsync(() => Regex.IsMatch(_host.Output, @"charge-payment: message \S+ failed on receive 1 of \d"), "the host logs the failed first receive");
    }

    [Test]
    public async Task Order_CancelledBeforeItIsReserved_IsCancelledAndHoldsNoStock()
    {
        var before = await _api.AvailableAsync("sku-pate");
        await _api.PostAsync("_local/stages/reserve-inventory/pause");
        JsonElement cancelled;
        string orderId;
        try
        {
            var placed = await _api.PlaceAsync("sku-pate", 2, "tok_visa");
            orderId = placed.GetProperty("orderId").GetString()!;
            cancelled = await _api.PostAsync($"orders/{orderId}/cancel", "{\"reason\":\"changed my mind\"}");
        }
        finally
        {
            await _api.PostAsync("_local/stages/reserve-inventory/resume");
        }

        await Eventually.TrueAsync(() => Regex.IsMatch(_host.Output, $@"compensate\s.*orderId={orderId}"), "compensation ran");
        await Eventually.ValueAsync<JsonElement>(async () =>
        {
            var queues = await _api.GetAsync("_local/queues");
            return queues.GetProperty("items").EnumerateArray().All(q => q.GetProperty("pending").GetInt32() == 0) ? queues : null;
        }, "every stage queue is empty");
        var order = await _api.GetAsync($"orders/{orderId}");

        Assert.That(cancelled.GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
        Assert.That(await _api.AvailableAsync("sku-pate"), Is.EqualTo(before));
    }

    [Test]
    public async Task PoisonMessage_AfterTheReceiveLimit_LandsInTheDeadLetterListWithItsCause()
    {
        var injected = await _api.PostAsync("_local/stages/ship-order/messages", "this is not a stream record");
        var messageId = injected.GetProperty("messageId").GetString();

        var dead = await Eventually.ValueAsync<JsonElement>(async () =>
        {
            var list = await _api.GetAsync("_local/dead-letters");
            return list.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("messageId").GetString() == messageId).Select(d => (JsonElement?)d).FirstOrDefault();
        }, "the poison message is dead-lettered");

        Assert.That(dead.GetProperty("stage").GetString(), Is.EqualTo("ship-order"));
        Assert.That(dead.GetProperty("receiveCount").GetInt32(), Is.EqualTo(SystemTopology.ShipOrder.MaxReceiveCount));
        Assert.That(dead.GetProperty("body").GetString(), Is.EqualTo("this is not a stream record"));
        Assert.That(dead.GetProperty("cause").GetString(), Does.Contain("not an order event envelope"));
        Assert.That(dead.GetProperty("failures").GetArrayLength(), Is.EqualTo(SystemTopology.ShipOrder.MaxReceiveCount));
        await Eventually.TrueAsync(() => _host.Output.Contains($"message {messageId} moved to the dead-letter list", StringComparison.Ordinal), "the host logs the dead letter");
    }

    [Test]
    public async Task PageAndApi_Requested_AreServedFromTheSameAddress()
    {
        using var page = await _api.Http.GetAsync(new Uri("/", UriKind.Relative));
        var health = await _api.GetAsync("health");

        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("ok"));
    }

    private IReadOnlyList<(string EventType, string OrderId)> Notifications()
    {
        if (!File.Exists(TestHost.NotificationsFile(_host)))
        {
            return [];
        }

        using var stream = new FileStream(TestHost.NotificationsFile(_host), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(n => (n.GetProperty("eventType").GetString()!, n.GetProperty("orderId").GetString()!))
            .ToList();
    }
}
