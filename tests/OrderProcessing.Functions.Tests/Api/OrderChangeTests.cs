using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Api;

/// <summary>Operator moves, cancellation and deletion.</summary>
public sealed class OrderChangeTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync("sku-1", 9.99m, stock: 10);
    }

    [Test]
    public async Task Patch_GivingAPendingOrderUp_Returns200WithTheMovedOrder()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", "{\"status\":\"OUT_OF_STOCK\"}"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Json.GetProperty("status").GetString(), Is.EqualTo("OUT_OF_STOCK"));
        Assert.That(result.Json.GetProperty("history").GetArrayLength(), Is.EqualTo(2));
        Assert.That(result.Json.GetProperty("history")[1].GetProperty("reason").GetString(), Is.EqualTo("moved to OUT_OF_STOCK by an operator"));
    }

    [TestCase(OrderStatus.Pending, "RESERVED", "reserve-inventory")]
    [TestCase(OrderStatus.Reserved, "PAID", "charge-payment")]
    [TestCase(OrderStatus.Paid, "SHIPPED", "ship-order")]
    [TestCase(OrderStatus.Shipped, "COMPLETED", "generate-invoice")]
    public async Task Patch_AMoveAStageMakes_Is409NamingTheStage_AndChangesNothing(OrderStatus from, string to, string stage)
    {
        var orderId = await _system.PlaceOrderAsync();
        await AdvanceThroughTheStagesAsync(orderId, from);
        var before = await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"));

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", $"{{\"status\":\"{to}\"}}"));

        Assert.That(result.Status, Is.EqualTo(409), result.ToString());
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.OperatorMoveNotAllowed));
        Assert.That(result.Json.GetProperty("detail").GetString(), Does.StartWith($"Only the {stage} stage moves an order from {from.ToWire()} to {to}"));
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))).Body, Is.EqualTo(before.Body));
    }

    [TestCase("OUT_OF_STOCK")]
    [TestCase("CANCELLED")]
    public async Task Patch_GivingAPendingOrderUp_ThenThePipeline_LeavesTheStockUntouched(string to)
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", $"{{\"status\":\"{to}\"}}"));
        await DeliverOwedAsync(orderId, OrderStatus.Pending);

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(_system.Ledger.Records, Is.Empty);
    }

    [TestCase("PAYMENT_FAILED")]
    [TestCase("CANCELLED")]
    public async Task Patch_GivingAReservedOrderUp_ThenThePipeline_ReleasesItsStock_AndChargesNothing(string to)
    {
        var orderId = await _system.PlaceOrderAsync();
        await AdvanceThroughTheStagesAsync(orderId, OrderStatus.Reserved);
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(8, 2, 0)));

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", $"{{\"status\":\"{to}\"}}"));
        await DeliverOwedAsync(orderId, OrderStatus.Reserved);

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(_system.Ledger.Records.Where(r => r.Status == PaymentStatus.Captured), Is.Empty);
    }

    [Test]
    public async Task Patch_CancellingAPaidOrder_ThenThePipeline_RefundsAndReleasesItsStock()
    {
        var orderId = await _system.PlaceOrderAsync();
        await AdvanceThroughTheStagesAsync(orderId, OrderStatus.Paid);
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Captured));

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", "{\"status\":\"CANCELLED\"}"));
        await DeliverOwedAsync(orderId, OrderStatus.Paid);

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task Patch_AlongATransitionTheLifecycleForbids_Is409()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", "{\"status\":\"SHIPPED\"}"));

        Assert.That(result.Status, Is.EqualTo(409));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.InvalidTransition));
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Pending));
    }

    [TestCase("{\"status\":\"shipped\"}", "must be one of", TestName = "Patch_WithALowerCaseStatus_Is400")]
    [TestCase("{\"status\":3}", "must be a string", TestName = "Patch_WithANumericStatus_Is400")]
    [TestCase("{}", "is required", TestName = "Patch_WithoutStatus_Is400")]
    public async Task PatchWithABadStatus(string body, string message)
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", body));

        Assert.That(result.Status, Is.EqualTo(400));
        Assert.That(result.ErrorsOf("status"), Has.Some.Contains(message));
    }

    [Test]
    public async Task Patch_OfAnUnknownOrder_Is404()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Patch("/orders/ord_missing", "{\"status\":\"RESERVED\"}"));

        Assert.That(result.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Cancel_APendingOrder_Returns200Cancelled()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Json.GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
    }

    [Test]
    public async Task Cancel_WithAReason_RecordsIt()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel", "{\"reason\":\"changed my mind\"}"));

        Assert.That(result.Json.GetProperty("history")[1].GetProperty("reason").GetString(), Is.EqualTo("changed my mind"));
    }

    [Test]
    public async Task Cancel_WithABodyThatIsNotJson_Is415()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel").Header("Content-Type", "text/plain").Body("please"));

        Assert.That(result.Status, Is.EqualTo(415));
    }

    [Test]
    public async Task Cancel_OnceShipped_Is409()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.RunPipelineAsync(orderId);

        var result = await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));

        Assert.That(result.Status, Is.EqualTo(409), result.ToString());
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.InvalidTransition));
    }

    [Test]
    public async Task Cancel_OfAnUnknownOrder_Is404()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders/ord_missing/cancel"));

        Assert.That(result.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Delete_AnOrderThatIsNotTerminal_Is409AndKeepsIt()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(409));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.NotDeletable));
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Delete_ACompletedOrder_Is204_ThenItIsGone()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.RunPipelineAsync(orderId);

        var result = await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(204), result.ToString());
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Delete_ARecentlyCancelledOrder_Is409StillSettling_WithRetryAfter()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));
        _system.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(409), result.ToString());
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.StillSettling));
        Assert.That(result.Header("Retry-After"), Is.EqualTo(((int)(SystemTopology.LongestStageMessageLifetime - TimeSpan.FromMinutes(1)).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Delete_ACancelledOrderOnceSettled_Is204_ThenItIsGone()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));
        _system.Clock.Advance(SystemTopology.LongestStageMessageLifetime);

        var result = await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(204));
        Assert.That(result.Body, Is.Empty);
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Delete_OfAnUnknownOrder_Is404()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Delete("/orders/ord_missing"));

        Assert.That(result.Status, Is.EqualTo(404));
    }

    // Delivers the envelope of each status the order enters until it reaches status, as Streams, the pipe, the topic and SQS would.
    private async Task AdvanceThroughTheStagesAsync(string orderId, OrderStatus status)
    {
        OrderStatus? previous = null;
        for (var current = (await _system.OrderAsync(orderId)).Status; current != status; current = (await _system.OrderAsync(orderId)).Status)
        {
            var stage = SystemTopology.StageFor(current) ?? throw new InvalidOperationException($"No stage takes the order from {current.ToWire()} towards {status.ToWire()}.");
            Assert.That(await _system.DeliverAsync(stage, new StageEventBuilder().Record(orderId, current, previous)), Is.Empty);
            previous = current;
        }
    }

    // After an operator's move away from given, the pipeline still owes the record of given (its stage had not run yet)
    // and the record of the order's new status (compensation for CANCELLED, nothing for OUT_OF_STOCK or PAYMENT_FAILED).
    private async Task DeliverOwedAsync(string orderId, OrderStatus given)
    {
        Assert.That(await _system.DeliverAsync(SystemTopology.StageFor(given)!, new StageEventBuilder().Record(orderId, given)), Is.Empty);
        var now = (await _system.OrderAsync(orderId)).Status;
        if (SystemTopology.StageFor(now) is { } stage)
        {
            Assert.That(await _system.DeliverAsync(stage, new StageEventBuilder().Record(orderId, now, given)), Is.Empty);
        }
    }
}
