using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Orders;

namespace OrderProcessing.Core.Tests.Orders;

/// <summary>The order use cases behind the HTTP API: place (idempotently), cancel, operator move, delete, invoice, list.</summary>
public class OrderServiceTests
{
    private InMemorySystem _system = null!;

    private OrderService Service => _system.Service;

    [SetUp]
    public async Task SetUp()
    {
        _system = new InMemorySystem();
        await _system.StockAsync("sku-1", 9.99m, 100);
        await _system.StockAsync("sku-2", 0.50m, 100);
        await _system.StockAsync("sku-eur", 5m, 100, "EUR");
    }

    [Test]
    public async Task Place_PricesEveryLineFromTheCatalog_AndStoresAPendingOrder()
    {
        var request = new PlaceOrderRequestBuilder().WithItems(new OrderLineRequest("sku-1", 2), new OrderLineRequest("sku-2", 3)).Build();

        var result = await Service.PlaceAsync(request, null);

        var order = result.Order;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Replayed, Is.False);
            Assert.That(order.OrderId, Is.EqualTo("ord_0001"));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.Lines.Select(l => (l.ProductId, l.Name, l.Quantity, l.UnitPrice.Amount, l.LineTotal.Amount)), Is.EqualTo(new[]
            {
                ("sku-1", "Product sku-1", 2, 9.99m, 19.98m),
                ("sku-2", "Product sku-2", 3, 0.50m, 1.50m),
            }));
            Assert.That(order.Total, Is.EqualTo(new Money(21.48m, Currency.Usd)));
            Assert.That(order.Customer, Is.EqualTo(new Customer("c-42", "jane@example.com", "Jane Doe")));
            Assert.That(order.ShippingAddress, Is.EqualTo(new Address("1 Main St", null, "Springfield", null, "12345", "US")));
            Assert.That(order.CreatedAt, Is.EqualTo(_system.Clock.GetUtcNow()));
            Assert.That(await _system.OrderAsync(order.OrderId), Is.Not.Null);
        }
    }

    [Test]
    public async Task Place_KeepsThePriceAtOrderTime_WhenTheCatalogPriceChangesLater()
    {
        var order = await _system.PlaceAsync();

        await _system.StockAsync("sku-1", 500m, 100);

        Assert.That((await Service.GetAsync(order.OrderId)).Lines[0].UnitPrice.Amount, Is.EqualTo(9.99m));
    }

    [Test]
    public async Task Place_UnknownProduct_IsAValidationErrorNamingIt_AndStoresNothing()
    {
        var request = new PlaceOrderRequestBuilder().WithItems(new OrderLineRequest("sku-1", 1), new OrderLineRequest("nope", 1)).Build();

        var e = Assert.ThrowsAsync<ValidationException>(() => Service.PlaceAsync(request, "key-1"));

        Assert.That(e.Errors, Is.EqualTo(new Dictionary<string, string[]> { ["items[1].productId"] = ["unknown product 'nope'"] }));
        Assert.That(_system.Orders.Count, Is.Zero);
        Assert.That((await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1")).Replayed, Is.False, "the key was not claimed");
    }

    [Test]
    public void Place_MixingCurrencies_IsAValidationErrorOnItems_NotACurrencyMismatch()
    {
        var request = new PlaceOrderRequestBuilder().WithItems(new OrderLineRequest("sku-1", 1), new OrderLineRequest("sku-eur", 1)).Build();

        var e = Assert.ThrowsAsync<ValidationException>(() => Service.PlaceAsync(request, null));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "items" }));
        Assert.That(e.Errors["items"].Single(), Does.Contain("USD").And.Contain("EUR"));
        Assert.That(_system.Orders.Count, Is.Zero);
    }

    [Test]
    public void Place_InvalidBodyAndInvalidKey_ReportsBothTogether()
    {
        var request = new PlaceOrderRequestBuilder().WithCustomerEmail("nope").Build();

        var e = Assert.ThrowsAsync<ValidationException>(() => Service.PlaceAsync(request, new string('k', 201)));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "customerEmail", "Idempotency-Key" }));
    }

    [TestCase("")]
    [TestCase("key\u0001")]
    public void Place_InvalidKey_AloneIsAValidationError(string key)
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), key));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "Idempotency-Key" }));
        Assert.That(_system.Orders.Count, Is.Zero);
    }

    [Test]
    public async Task Place_SameKeySameBody_ReturnsTheFirstOrderAgain_AndCreatesOne()
    {
        var first = await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1");
        _system.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1");

        Assert.That(again.Replayed, Is.True);
        Assert.That(again.Order.OrderId, Is.EqualTo(first.Order.OrderId));
        Assert.That(again.Order.CreatedAt, Is.EqualTo(first.Order.CreatedAt));
        Assert.That(_system.Orders.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Place_ValidatedCommand_IsAReplayOfTheSameRequestUnderItsKey()
    {
        var command = PlaceOrderValidator.Validate(new PlaceOrderRequestBuilder().Build(), "key-1");
        var first = await Service.PlaceAsync(command);

        var again = await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1");

        Assert.That(first.Replayed, Is.False);
        Assert.That(first.Order.Customer, Is.EqualTo(command.Customer));
        Assert.That(again.Replayed, Is.True);
        Assert.That(again.Order.OrderId, Is.EqualTo(first.Order.OrderId));
    }

    [Test]
    public async Task Place_Replay_ReturnsTheOrderAsItIsNow()
    {
        var first = await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1");
        await _system.RunPipelineAsync(first.Order.OrderId);

        var again = await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1");

        Assert.That(again.Order.Status, Is.EqualTo(OrderStatus.Completed));
    }

    [Test]
    public async Task Place_SameKeyDifferentBody_IsIdempotencyKeyReused_AndCreatesNothing()
    {
        await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1");

        Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => Service.PlaceAsync(new PlaceOrderRequestBuilder().WithLine("sku-1", 3).Build(), "key-1"));
        Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => Service.PlaceAsync(new PlaceOrderRequestBuilder().WithCountry("DE").Build(), "key-1"));
        Assert.That(_system.Orders.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Place_DifferentKeys_OrNoKey_CreateSeparateOrders()
    {
        await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1");
        await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-2");
        await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), null);
        await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), null);

        Assert.That(_system.Orders.Count, Is.EqualTo(4));
    }

    [Test]
    public async Task Place_TwentyInParallelWithTheSameKey_CreateExactlyOneOrder()
    {
        var request = new PlaceOrderRequestBuilder().Build();
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await Service.PlaceAsync(request, "key-parallel");
        })).ToList();

        start.Set();
        var results = await Task.WhenAll(calls);

        Assert.That(_system.Orders.Count, Is.EqualTo(1));
        Assert.That(results.Select(r => r.Order.OrderId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(results.Count(r => !r.Replayed), Is.EqualTo(1), "exactly one caller created it");
    }

    [Test]
    public async Task Place_KeyClaimedByARequestThatCrashedBeforeStoringItsOrder_CreatesTheOrderOnReplay()
    {
        var request = new PlaceOrderRequestBuilder().Build();
        var now = _system.Clock.GetUtcNow();
        await _system.Idempotency.TryClaimAsync(new IdempotencyRecord("key-1", RequestFingerprint.Compute(request), "ord_crashed", now, now.AddDays(1)));

        var replay = await Service.PlaceAsync(request, "key-1");
        var again = await Service.PlaceAsync(request, "key-1");

        Assert.That(replay.Order.OrderId, Is.EqualTo("ord_crashed"));
        Assert.That(replay.Replayed, Is.False);
        Assert.That(again.Order.OrderId, Is.EqualTo("ord_crashed"));
        Assert.That(again.Replayed, Is.True);
        Assert.That(_system.Orders.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Place_KeyIsRemembered_ForTheIdempotencyWindowOnly()
    {
        await Service.PlaceAsync(new PlaceOrderRequestBuilder().Build(), "key-1");
        var different = new PlaceOrderRequestBuilder().WithLine("sku-2", 1).Build();

        _system.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => Service.PlaceAsync(different, "key-1"));

        _system.Clock.Advance(TimeSpan.FromSeconds(1));
        var result = await Service.PlaceAsync(different, "key-1");
        Assert.That(result.Replayed, Is.False);
        Assert.That(_system.Orders.Count, Is.EqualTo(2));
    }

    [Test]
    public void Get_UnknownOrder_IsOrderNotFound() =>
        Assert.ThrowsAsync<OrderNotFoundException>(() => Service.GetAsync("ord_missing"));

    [TestCase(OrderStatus.Pending)]
    [TestCase(OrderStatus.Reserved)]
    [TestCase(OrderStatus.Paid)]
    public async Task Cancel_BeforeShipping_CancelsWithTheGivenReason(OrderStatus status)
    {
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").InStatus(status).Build());
        _system.Clock.Advance(TimeSpan.FromDays(1));
        var at = _system.Clock.GetUtcNow();

        var order = await Service.CancelAsync("ord_x", "found it cheaper");

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(order.History[^1], Is.EqualTo(new StatusChange(OrderStatus.Cancelled, at, "found it cheaper")));
        Assert.That((await _system.OrderAsync("ord_x")).Status, Is.EqualTo(OrderStatus.Cancelled));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public async Task Cancel_WithoutAReason_SaysCancelledOnRequest(string? reason)
    {
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").Build());

        var order = await Service.CancelAsync("ord_x", reason);

        Assert.That(order.History[^1].Reason, Is.EqualTo("cancelled on request"));
    }

    [TestCase(OrderStatus.Shipped)]
    [TestCase(OrderStatus.Completed)]
    [TestCase(OrderStatus.OutOfStock)]
    [TestCase(OrderStatus.PaymentFailed)]
    [TestCase(OrderStatus.Cancelled)]
    public async Task Cancel_AfterShippingOrOnceTerminal_IsRejected_AndChangesNothing(OrderStatus status)
    {
        var stored = new OrderBuilder().WithId("ord_x").InStatus(status).Build();
        await _system.Orders.AddAsync(stored);

        Assert.ThrowsAsync<InvalidTransitionException>(() => Service.CancelAsync("ord_x", null));

        Snapshots.AssertEqual((await _system.OrderAsync("ord_x")).ToSnapshot(), stored.ToSnapshot());
    }

    [Test]
    public void Cancel_UnknownOrder_IsOrderNotFound() =>
        Assert.ThrowsAsync<OrderNotFoundException>(() => Service.CancelAsync("ord_missing", null));

    [Test]
    public async Task Cancel_RacingAStage_RetriesOnTheNewState()
    {
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").Build());
        var racing = new InterferingOrderRepository(_system.Orders, async () => await _system.Reserve().HandleAsync("ord_x"));
        var service = new OrderService(racing, _system.Catalog, _system.Idempotency, _system.Invoices, _system.Ids, _system.Clock);

        var order = await service.CancelAsync("ord_x", null);

        Assert.That(order.History.Select(h => h.Status), Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Cancelled }));
        Assert.That(order.Version, Is.EqualTo(3));
    }

    [Test]
    public async Task Cancel_LosingMoreRacesThanItMayRetry_GivesUpWithAConflict()
    {
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").Build());
        var racing = new InterferingOrderRepository(_system.Orders, async () => await _system.Reserve().HandleAsync("ord_x"));
        var options = new OrderServiceOptions { MaxConflictRetries = 1 };
        var service = new OrderService(racing, _system.Catalog, _system.Idempotency, _system.Invoices, _system.Ids, _system.Clock, options);

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.CancelAsync("ord_x", null));
        Assert.That((await _system.OrderAsync("ord_x")).Status, Is.EqualTo(OrderStatus.Reserved));
    }

    [TestCase(OrderStatus.Pending, OrderStatus.OutOfStock, OrderEventTypes.Failed)]
    [TestCase(OrderStatus.Reserved, OrderStatus.PaymentFailed, OrderEventTypes.Failed)]
    [TestCase(OrderStatus.Pending, OrderStatus.Cancelled, OrderEventTypes.Cancelled)]
    [TestCase(OrderStatus.Reserved, OrderStatus.Cancelled, OrderEventTypes.Cancelled)]
    [TestCase(OrderStatus.Paid, OrderStatus.Cancelled, OrderEventTypes.Cancelled)]
    public async Task Move_GivingAnOrderUp_RecordsAnOperatorMove(OrderStatus from, OrderStatus to, string eventType)
    {
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").InStatus(from).Build());

        var order = await Service.MoveAsync("ord_x", to);

        Assert.That(order.Status, Is.EqualTo(to));
        Assert.That(order.History[^1].Reason, Is.EqualTo($"moved to {to.ToWire()} by an operator"));
        Assert.That(order.LastEvent.Type, Is.EqualTo(eventType));
        Assert.That((await _system.OrderAsync("ord_x")).Status, Is.EqualTo(to));
    }

    [TestCase(OrderStatus.Pending, OrderStatus.Reserved, "reserve-inventory", "CANCELLED or OUT_OF_STOCK")]
    [TestCase(OrderStatus.Reserved, OrderStatus.Paid, "charge-payment", "CANCELLED or PAYMENT_FAILED")]
    [TestCase(OrderStatus.Paid, OrderStatus.Shipped, "ship-order", "CANCELLED")]
    [TestCase(OrderStatus.Shipped, OrderStatus.Completed, "generate-invoice", null)]
    public async Task Move_ThatAStageMakes_IsRejectedNamingTheStage_AndChangesNothing(OrderStatus from, OrderStatus to, string stage, string? instead)
    {
        var stored = new OrderBuilder().WithId("ord_x").InStatus(from).Build();
        await _system.Orders.AddAsync(stored);

        var e = Assert.ThrowsAsync<OperatorMoveNotAllowedException>(() => Service.MoveAsync("ord_x", to));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e!.From, Is.EqualTo(from));
            Assert.That(e.To, Is.EqualTo(to));
            Assert.That(e.Stage, Is.EqualTo(stage));
            Assert.That(e.Message, Does.StartWith($"Only the {stage} stage moves an order from {from.ToWire()} to {to.ToWire()}"));
            Assert.That(e.Message, instead is null ? Does.EndWith($"An operator cannot give up a {from.ToWire()} order.") : Does.EndWith($"move it to {instead}."));
            Assert.That(e, Is.InstanceOf<ConflictException>());
            Snapshots.AssertEqual((await _system.OrderAsync("ord_x")).ToSnapshot(), stored.ToSnapshot());
        }
    }

    [Test]
    public async Task Move_ThatAStageMakes_WithoutStageNames_DescribesTheStageByTheStatusItProcesses()
    {
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").Build());
        var service = new OrderService(_system.Orders, _system.Catalog, _system.Idempotency, _system.Invoices, _system.Ids, _system.Clock);

        var e = Assert.ThrowsAsync<OperatorMoveNotAllowedException>(() => service.MoveAsync("ord_x", OrderStatus.Reserved));

        Assert.That(e!.Stage, Is.Null);
        Assert.That(e.Message, Does.StartWith("Only the pipeline stage that processes PENDING orders moves an order from PENDING to RESERVED"));
    }

    [Test]
    public async Task Move_GivingUpAnOrderAStageMovedMeanwhile_DecidesOnItsNewStatus()
    {
        // The reserve stage wins the race: the order is RESERVED when the operator's write lands, and RESERVED cannot
        // become OUT_OF_STOCK.
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").Build());
        var racing = new InterferingOrderRepository(_system.Orders, async () => await _system.Reserve().HandleAsync("ord_x"));
        var service = new OrderService(racing, _system.Catalog, _system.Idempotency, _system.Invoices, _system.Ids, _system.Clock);

        Assert.ThrowsAsync<InvalidTransitionException>(() => service.MoveAsync("ord_x", OrderStatus.OutOfStock));
        Assert.That((await _system.OrderAsync("ord_x")).Status, Is.EqualTo(OrderStatus.Reserved));
    }

    [TestCase(OrderStatus.Pending, OrderStatus.Shipped)]
    [TestCase(OrderStatus.Paid, OrderStatus.Reserved)]
    [TestCase(OrderStatus.Completed, OrderStatus.Cancelled)]
    [TestCase(OrderStatus.Reserved, OrderStatus.Reserved)]
    public async Task Move_AlongAForbiddenTransition_IsRejected_AndChangesNothing(OrderStatus from, OrderStatus to)
    {
        var stored = new OrderBuilder().WithId("ord_x").InStatus(from).Build();
        await _system.Orders.AddAsync(stored);

        Assert.ThrowsAsync<InvalidTransitionException>(() => Service.MoveAsync("ord_x", to));

        Snapshots.AssertEqual((await _system.OrderAsync("ord_x")).ToSnapshot(), stored.ToSnapshot());
    }

    [Test]
    public async Task Delete_CompletedOrder_RemovesItAtOnce()
    {
        var completed = new OrderBuilder().WithId("ord_x").PlacedAt(_system.Clock.GetUtcNow()).InStatus(OrderStatus.Completed).Build();
        await _system.Orders.AddAsync(completed);
        _system.Clock.Advance(completed.UpdatedAt - _system.Clock.GetUtcNow());

        await Service.DeleteAsync("ord_x");

        Assert.ThrowsAsync<OrderNotFoundException>(() => Service.GetAsync("ord_x"));
        Assert.That((await Service.ListAsync(null, null, null)).Items, Is.Empty);
    }

    [TestCase(OrderStatus.OutOfStock)]
    [TestCase(OrderStatus.PaymentFailed)]
    [TestCase(OrderStatus.Cancelled)]
    public async Task Delete_OrderThatGaveUpItsStock_IsRejectedUntilTheSettlingPeriodHasPassed(OrderStatus status)
    {
        var stored = new OrderBuilder().WithId("ord_x").PlacedAt(_system.Clock.GetUtcNow()).InStatus(status).Build();
        await _system.Orders.AddAsync(stored);
        var deletableFrom = stored.UpdatedAt + new OrderServiceOptions().SettlingPeriod;
        _system.Clock.Advance(deletableFrom - _system.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));

        var e = Assert.ThrowsAsync<OrderStillSettlingException>(() => Service.DeleteAsync("ord_x"));
        Assert.That(e.DeletableFrom, Is.EqualTo(deletableFrom));
        Assert.That(await Service.GetAsync("ord_x"), Is.Not.Null);

        _system.Clock.Advance(TimeSpan.FromSeconds(1));
        await Service.DeleteAsync("ord_x");
        Assert.ThrowsAsync<OrderNotFoundException>(() => Service.GetAsync("ord_x"));
    }

    [TestCase(OrderStatus.Pending)]
    [TestCase(OrderStatus.Reserved)]
    [TestCase(OrderStatus.Paid)]
    [TestCase(OrderStatus.Shipped)]
    public async Task Delete_OrderStillInFlight_IsRejected_AndKeepsIt(OrderStatus status)
    {
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").InStatus(status).Build());

        var e = Assert.ThrowsAsync<OrderNotDeletableException>(() => Service.DeleteAsync("ord_x"));

        Assert.That(e.Message, Does.Contain(status.ToWire()));
        Assert.That(await Service.GetAsync("ord_x"), Is.Not.Null);
    }

    [Test]
    public async Task Place_ReplayingTheKeyOfAnOrderDeletedSince_IsRejected_AndRecreatesNothing()
    {
        var request = new PlaceOrderRequestBuilder().WithLine("sku-1", 2).Build();
        var first = (await Service.PlaceAsync(request, "key-1")).Order;
        Assert.That((await _system.RunPipelineAsync(first.OrderId)).Status, Is.EqualTo(OrderStatus.Completed));
        await Service.DeleteAsync(first.OrderId);
        var shipped = await _system.StockOfAsync("sku-1");

        var e = Assert.ThrowsAsync<IdempotencyKeyOrderDeletedException>(() => Service.PlaceAsync(request, "key-1"));
        var lateReserve = await _system.Reserve().HandleAsync(first.OrderId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e!.Message, Does.StartWith("The order created with this Idempotency-Key was deleted"));
            Assert.That(e, Is.InstanceOf<ConflictException>());
            Assert.ThrowsAsync<OrderNotFoundException>(() => Service.GetAsync(first.OrderId));
            Assert.That(_system.Orders.Count, Is.Zero);
            Assert.That(lateReserve.Advanced, Is.False);
            Assert.That(shipped, Is.EqualTo(new StockLevel(98, 0, 2)));
            Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(shipped), "the deleted order's shipped units stay shipped");
        }
    }

    [Test]
    public async Task Place_ReplayingTheKeyOfADeletedOrder_IsRejectedUntilTheKeyExpires_ThenPlacesANewOrder()
    {
        var request = new PlaceOrderRequestBuilder().Build();
        var first = (await Service.PlaceAsync(request, "key-1")).Order;
        await _system.RunPipelineAsync(first.OrderId);
        await Service.DeleteAsync(first.OrderId);

        _system.Clock.Advance(first.CreatedAt + new OrderServiceOptions().IdempotencyWindow - _system.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.ThrowsAsync<IdempotencyKeyOrderDeletedException>(() => Service.PlaceAsync(request, "key-1"));
        _system.Clock.Advance(TimeSpan.FromSeconds(1));
        var again = await Service.PlaceAsync(request, "key-1");

        Assert.That(again.Replayed, Is.False);
        Assert.That(again.Order.OrderId, Is.Not.EqualTo(first.OrderId));
        Assert.That(again.Order.Status, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task Delete_KeepsTheIdTakenForTheIdempotencyWindowPlusTheMargin()
    {
        var completed = new OrderBuilder().WithId("ord_x").PlacedAt(_system.Clock.GetUtcNow()).InStatus(OrderStatus.Completed).Build();
        await _system.Orders.AddAsync(completed);
        _system.Clock.Advance(completed.UpdatedAt - _system.Clock.GetUtcNow());
        var options = new OrderServiceOptions();

        await Service.DeleteAsync("ord_x");

        Assert.That(options.TombstoneLifetime, Is.EqualTo(TimeSpan.FromHours(25)));
        _system.Clock.Advance(options.TombstoneLifetime - TimeSpan.FromTicks(1));
        Assert.ThrowsAsync<ConcurrencyConflictException>(() => _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").Build()));
        _system.Clock.Advance(TimeSpan.FromTicks(1));
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").Build());
        Assert.That((await Service.GetAsync("ord_x")).Status, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public void Delete_UnknownOrder_IsOrderNotFound() =>
        Assert.ThrowsAsync<OrderNotFoundException>(() => Service.DeleteAsync("ord_missing"));

    [TestCase(OrderStatus.Pending)]
    [TestCase(OrderStatus.Paid)]
    [TestCase(OrderStatus.Shipped)]
    [TestCase(OrderStatus.Cancelled)]
    public async Task Invoice_BeforeCompletion_IsNotFound(OrderStatus status)
    {
        await _system.Orders.AddAsync(new OrderBuilder().WithId("ord_x").InStatus(status).Build());

        var e = Assert.ThrowsAsync<NotFoundException>(() => Service.GetInvoiceAsync("ord_x"));

        Assert.That(e.Kind, Is.EqualTo("invoice"));
    }

    [Test]
    public void Invoice_OfAnUnknownOrder_IsOrderNotFound() =>
        Assert.ThrowsAsync<OrderNotFoundException>(() => Service.GetInvoiceAsync("ord_missing"));

    [Test]
    public async Task Invoice_OnceCompleted_IsTheStoredDocument()
    {
        var order = await _system.PlaceAsync();
        await _system.RunPipelineAsync(order.OrderId);

        var download = await Service.GetInvoiceAsync(order.OrderId);

        Assert.That(download.Link, Is.Null, "the in-memory store serves bytes");
        Assert.That(download.Content, Is.EqualTo(await _system.Invoices.GetAsync(order.OrderId)));
        Assert.That(System.Text.Encoding.ASCII.GetString(download.Content!, 0, 5), Is.EqualTo("%PDF-"));
    }

    [Test]
    public async Task List_IsNewestFirst_PagedByOpaqueCursors()
    {
        var ids = await PlaceOrdersAsync(5);

        var first = await Service.ListAsync(null, 2, null);
        var second = await Service.ListAsync(null, 2, first.NextCursor);
        var third = await Service.ListAsync(null, 2, second.NextCursor);

        Assert.That(first.Items.Select(o => o.OrderId), Is.EqualTo(new[] { ids[4], ids[3] }));
        Assert.That(second.Items.Select(o => o.OrderId), Is.EqualTo(new[] { ids[2], ids[1] }));
        Assert.That(third.Items.Select(o => o.OrderId), Is.EqualTo(new[] { ids[0] }));
        Assert.That(first.NextCursor, Is.Not.Null);
        Assert.That(third.NextCursor, Is.Null);
    }

    [Test]
    public async Task List_WhenThePageIsExactlyFull_HasNoNextCursor()
    {
        await PlaceOrdersAsync(3);

        var page = await Service.ListAsync(null, 3, null);

        Assert.That(page.Items, Has.Count.EqualTo(3));
        Assert.That(page.NextCursor, Is.Null);
    }

    [Test]
    public async Task List_WithoutALimit_ReturnsTwentyPerPage()
    {
        await PlaceOrdersAsync(21);

        var page = await Service.ListAsync(null, null, null);

        Assert.That(page.Items, Has.Count.EqualTo(20));
        Assert.That((await Service.ListAsync(null, null, page.NextCursor)).Items, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task List_OrdersPlacedAtTheSameInstant_AreAllListedOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            await _system.PlaceAsync();
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Service.ListAsync(null, 2, cursor);
            seen.AddRange(page.Items.Select(o => o.OrderId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(new[] { "ord_0005", "ord_0004", "ord_0003", "ord_0002", "ord_0001" }));
    }

    [Test]
    public async Task List_ByStatus_ReturnsOnlyThatStatus_AcrossPages()
    {
        var ids = await PlaceOrdersAsync(5);
        await Service.CancelAsync(ids[0], null);
        await Service.CancelAsync(ids[2], null);
        await Service.CancelAsync(ids[3], null);

        var first = await Service.ListAsync(OrderStatus.Cancelled, 2, null);
        var second = await Service.ListAsync(OrderStatus.Cancelled, 2, first.NextCursor);

        Assert.That(first.Items.Select(o => o.OrderId).Concat(second.Items.Select(o => o.OrderId)), Is.EqualTo(new[] { ids[3], ids[2], ids[0] }));
        Assert.That(second.NextCursor, Is.Null);
        Assert.That((await Service.ListAsync(OrderStatus.Pending, 10, null)).Items.Select(o => o.OrderId), Is.EqualTo(new[] { ids[4], ids[1] }));
    }

    [Test]
    public async Task ListByCustomer_ReturnsOnlyThatCustomersOrders()
    {
        await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithCustomerId("c-1").Build());
        _system.Clock.Advance(TimeSpan.FromMinutes(1));
        await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithCustomerId("c-2").Build());
        _system.Clock.Advance(TimeSpan.FromMinutes(1));
        await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithCustomerId("c-1").Build());

        var page = await Service.ListByCustomerAsync("c-1", 1, null);
        var next = await Service.ListByCustomerAsync("c-1", 1, page.NextCursor);

        Assert.That(page.Items.Single().OrderId, Is.EqualTo("ord_0003"));
        Assert.That(next.Items.Single().OrderId, Is.EqualTo("ord_0001"));
        Assert.That(next.NextCursor, Is.Null);
    }

    [Test]
    public void ListByCustomer_WithAnInvalidCustomerId_IsAValidationError()
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => Service.ListByCustomerAsync("c/1", null, null));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "customerId" }));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(101)]
    public void List_WithALimitOutsideOneToOneHundred_IsAValidationErrorOnLimit(int limit)
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => Service.ListAsync(null, limit, null));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "limit" }));
    }

    [Test]
    public async Task List_WithATamperedCursor_IsAValidationErrorOnCursor()
    {
        await PlaceOrdersAsync(3);
        var cursor = (await Service.ListAsync(null, 1, null)).NextCursor!;
        var tampered = (cursor[0] == 'A' ? 'B' : 'A') + cursor[1..];

        var e = Assert.ThrowsAsync<ValidationException>(() => Service.ListAsync(null, 1, tampered));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
    }

    [Test]
    public async Task List_WithACursorOfAnotherListing_IsAValidationErrorOnCursor()
    {
        await PlaceOrdersAsync(3);
        var allOrders = (await Service.ListAsync(null, 1, null)).NextCursor!;

        Assert.ThrowsAsync<ValidationException>(() => Service.ListAsync(OrderStatus.Pending, 1, allOrders));
        Assert.ThrowsAsync<ValidationException>(() => Service.ListByCustomerAsync("c-42", 1, allOrders));
    }

    [TestCase("garbage!")]
    [TestCase("")]
    [TestCase("AAAA")]
    public void List_WithAGarbageCursor_IsAValidationErrorOnCursor(string cursor)
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => Service.ListAsync(null, 1, cursor));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
    }

    [Test]
    public async Task List_WithACursorSignedByAnotherKey_IsAValidationErrorOnCursor()
    {
        await PlaceOrdersAsync(3);
        var cursor = (await Service.ListAsync(null, 1, null)).NextCursor!;
        var otherDeployment = new InMemoryOrderRepository(new CursorCodec("another-key"));

        Assert.ThrowsAsync<ValidationException>(() => otherDeployment.ListAsync(new OrderQuery(null, null, 1, cursor)));
    }

    private async Task<List<string>> PlaceOrdersAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await _system.PlaceAsync()).OrderId);
            _system.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return ids;
    }
}
