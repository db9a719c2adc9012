using System.Text;
using System.Text.Json;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Adapters.S3;
using OrderProcessing.Testing.Contracts;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.EndToEnd;

/// <summary>
/// Whole orders through the deployed handlers against dynalite and s3rver: the API function takes the request, the
/// stage functions move the order through the pipeline, and the stores end consistent.
/// </summary>
[TestFixture]
public sealed class OrderLifecycleEndToEndTests
{
    private const string Email = "jane.doe@example.com";

    private EndToEndSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = await EndToEndSystem.CreateAsync();
        var put = await _system.SendAsync("PUT", "/products/sku-1", "{\"name\":\"Widget\",\"unitPrice\":12.5,\"currency\":\"USD\",\"stock\":5}");
        Assert.That(put.Status, Is.EqualTo(201), put.Response.Body.ToString());
    }

    [TearDown]
    public async Task TearDown()
    {
        Assert.That(_system.DeadLetters, Is.Empty, "no message may end in a dead-letter queue");
        Assert.That(_system.Emitted.Violations(), Is.Empty, "every published event and every stage batch must conform to its schema under contracts/");
        Assert.That(_system.Output, Does.Not.Contain(Email).And.Not.Contain("tok_visa").And.Not.Contain("tok_declined"), "logs must not carry an email address or a payment token");
        await _system.DisposeAsync();
    }

    [Test]
    public async Task AnOrder_GoesFromPostToCompleted_AndItsInvoiceIsReadable()
    {
        var orderId = await PlaceAsync("tok_visa", idempotencyKey: "e2e-1");

        await _system.FlushAsync();

        var order = Json((await _system.SendAsync("GET", $"/orders/{orderId}")).Response.Body);
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
        Assert.That(order.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()), Is.EqualTo(new[] { "PENDING", "RESERVED", "PAID", "SHIPPED", "COMPLETED" }));
        Assert.That(order.GetProperty("trackingNumber").GetString(), Does.StartWith("OP"));
        Assert.That(order.GetProperty("invoiceAvailable").GetBoolean(), Is.True);
        Assert.That(order.GetProperty("total").GetRawText(), Is.EqualTo("25.00"));

        var invoice = await _system.SendAsync("GET", $"/orders/{orderId}/invoice");
        Assert.That(invoice.Status, Is.EqualTo(303), invoice.Response.Body.ToString());
        var link = new Uri(invoice.Response.Header("Location")!);
        using var http = new HttpClient();
        using var download = await http.GetAsync(link);
        var pdf = await download.Content.ReadAsByteArrayAsync();
        Assert.That((int)download.StatusCode, Is.EqualTo(200), $"the presigned link {link} must serve the invoice");
        Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(pdf, Is.EqualTo(await new S3InvoiceStore(_system.Storage.S3, _system.Storage.Names.Bucket(StorageSchema.Invoices)).GetAsync(orderId)));

        Assert.That(await StockAsync(), Is.EqualTo(new StockLevel(3, 0, 2)));
        Assert.That((await PaymentAsync(orderId))!.Status, Is.EqualTo(PaymentStatus.Captured));
        Assert.That(_system.Emitted.EventTypes, Is.EquivalentTo(new[] { "order_created", "order_updated", "order_shipped", "order_completed" }), "the events checked against the contracts in TearDown");
    }

    [Test]
    public async Task ADeclinedPayment_EndsPaymentFailed_WithTheStockRestored()
    {
        var orderId = await PlaceAsync("tok_declined");

        await _system.FlushAsync();

        var order = Json((await _system.SendAsync("GET", $"/orders/{orderId}")).Response.Body);
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("PAYMENT_FAILED"));
        Assert.That(await StockAsync(), Is.EqualTo(new StockLevel(5, 0, 0)));
        Assert.That((await PaymentAsync(orderId))!.Status, Is.EqualTo(PaymentStatus.Declined));
        Assert.That((await _system.SendAsync("GET", $"/orders/{orderId}/invoice")).Status, Is.EqualTo(404));
        Assert.That(_system.Emitted.EventTypes, Does.Contain("order_failed"), "the events checked against the contracts in TearDown");
    }

    [Test]
    public async Task ACancelAfterPayment_EndsCancelled_WithARefundAndTheStockRestored()
    {
        var orderId = await PlaceAsync("tok_visa");
        await _system.FlushAsync(holdBack: OrderStatus.Paid);
        Assert.That(_system.HeldBack, Is.EqualTo(1), "the order must be paid, its shipment still queued");

        var cancel = await _system.SendAsync("POST", $"/orders/{orderId}/cancel", "{\"reason\":\"changed my mind\"}");
        Assert.That(cancel.Status, Is.EqualTo(200), cancel.Response.Body.ToString());
        await _system.FlushAsync();
        // The shipment message arrives after the cancellation: it must not ship a cancelled order.
        await _system.ReleaseHeldBackAsync();

        var order = Json((await _system.SendAsync("GET", $"/orders/{orderId}")).Response.Body);
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
        Assert.That(_system.Emitted.EventTypes, Does.Contain("order_cancelled"), "the events checked against the contracts in TearDown");
        Assert.That(order.GetProperty("trackingNumber").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await PaymentAsync(orderId))!.Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(await StockAsync(), Is.EqualTo(new StockLevel(5, 0, 0)));
    }

    [Test]
    public async Task AFlakyPayment_IsRetriedByRedelivery_AndTheOrderCompletes()
    {
        var orderId = await PlaceAsync("tok_flaky");

        await _system.FlushAsync();

        var order = Json((await _system.SendAsync("GET", $"/orders/{orderId}")).Response.Body);
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
        Assert.That(_system.Output, Does.Contain("\"cause\":\"transient\""), "the first charge must have failed transiently and been reported");
        Assert.That(_system.Emitted.Batches.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("Records")[0].GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString()), Does.Contain("2"), "a redelivered batch is checked against the contract too");
    }

    [Test]
    public async Task TheSameIdempotencyKeyAndBody_CreatesOneOrder()
    {
        var first = await PlaceAsync("tok_visa", idempotencyKey: "e2e-replay");
        var second = await PlaceAsync("tok_visa", idempotencyKey: "e2e-replay");

        var page = Json((await _system.SendAsync("GET", "/customers/c-42/orders")).Response.Body);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
    }

    private async Task<string> PlaceAsync(string token, string? idempotencyKey = null)
    {
        var body = "{\"customerId\":\"c-42\",\"customerEmail\":\"" + Email + "\",\"customerName\":\"Jane Doe\","
            + "\"items\":[{\"productId\":\"sku-1\",\"quantity\":2}],\"paymentToken\":\"" + token + "\","
            + "\"shippingAddress\":{\"line1\":\"1 Main St\",\"city\":\"Springfield\",\"postalCode\":\"12345\",\"country\":\"US\"}}";
        var headers = idempotencyKey is null ? [] : new[] { ("Idempotency-Key", idempotencyKey) };
        var placed = await _system.SendAsync("POST", "/orders", body, headers);
        Assert.That(placed.Status, Is.EqualTo(201), placed.Response.Body.ToString());
        return Json(placed.Response.Body).GetProperty("orderId").GetString()!;
    }

    private async Task<StockLevel> StockAsync() =>
        (await new DynamoDbInventory(_system.Storage.DynamoDb, _system.Storage.Names.Table(StorageSchema.Products), TimeProvider.System).GetStockAsync("sku-1"))!;

    private Task<PaymentRecord?> PaymentAsync(string orderId) =>
        new DynamoDbPaymentLedger(_system.Storage.DynamoDb, _system.Storage.Names.Table(StorageSchema.Payments)).GetAsync(orderId);

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
