using OrderProcessing.Core.Payments;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Testing.Time;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Observability;

/// <summary>Logs never carry a full email address or a payment token, whatever happens to an order.</summary>
public sealed class LogSafetyTests
{
    [Test]
    public async Task OrdersThroughEveryOutcome_LeaveNoEmailOrPaymentTokenInTheLogs()
    {
        var system = new TestSystem();
        await system.SeedProductAsync("sku-1", 9.99m, stock: 10);
        await system.SeedProductAsync("sku-2", 20_000m, stock: 10);

        foreach (var token in TestPaymentTokens.All)
        {
            await system.RunPipelineAsync(await system.PlaceOrderAsync(new OrderRequestBuilder().Token(token), idempotencyKey: $"k-{token}"));
        }

        await system.RunPipelineAsync(await system.PlaceOrderAsync(new OrderRequestBuilder().Items(("sku-2", 1))));
        await system.RunPipelineAsync(await system.PlaceOrderAsync(new OrderRequestBuilder().Items(("sku-1", 11))));
        var cancelled = await system.PlaceOrderAsync();
        await system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(cancelled, Core.Orders.OrderStatus.Pending));
        await system.DeliverAsync(SystemTopology.ChargePayment, new StageEventBuilder().Record(cancelled, Core.Orders.OrderStatus.Reserved));
        await system.SendAsync(ApiEventBuilder.Post($"/orders/{cancelled}/cancel"));
        await system.RunPipelineAsync(cancelled);
        await system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Set("customerName", "7").Build()));
        await system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()).Header("Idempotency-Key", "k-tok_visa"));
        system.Orders.Failure = _ => new InvalidOperationException($"item {{customerEmail: {OrderRequestBuilder.Email}, paymentToken: tok_visa}} rejected");
        await system.SendAsync(ApiEventBuilder.Get("/orders"));
        await system.DeliverAsync(SystemTopology.ShipOrder, new StageEventBuilder().Record(cancelled, Core.Orders.OrderStatus.Paid));

        var output = system.Output;
        Assert.That(system.Logs, Has.Count.GreaterThan(40), "the scenario must actually log");
        Assert.That(output, Does.Not.Contain(OrderRequestBuilder.Email));
        Assert.That(output, Does.Contain("j***@example.com"), "the scenario must have tried to log the address");
        foreach (var token in TestPaymentTokens.All)
        {
            Assert.That(output, Does.Not.Contain(token), token);
        }
    }

    [Test]
    public void Telemetry_MasksEmailsAndTokens_InMessagesFieldsAndExceptions()
    {
        var output = new StringWriter();
        var telemetry = new Telemetry("api", "test", output, TestClock.New());

        telemetry.Log(
            LogLevel.Error,
            "customer jane.doe@example.com paid with tok_mastercard",
            fields: new Dictionary<string, object?> { ["email"] = "bob@shop.example.org", ["note"] = "tok_flaky" },
            exception: new InvalidOperationException("row jane.doe@example.com tok_visa"));

        var line = output.ToString();
        Assert.That(line, Does.Not.Contain("jane.doe@").And.Not.Contain("bob@").And.Not.Contain("tok_mastercard").And.Not.Contain("tok_flaky").And.Not.Contain("tok_visa"));
        Assert.That(line, Does.Contain("j***@example.com").And.Contain("b***@shop.example.org").And.Contain("tok_***"));
    }
}
