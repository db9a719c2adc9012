using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Tests.Support;

namespace OrderProcessing.Core.Tests.Pipeline;

/// <summary>
/// An operator giving an order up leaves the clean-up to the pipeline: whenever the move lands (before the stage of the
/// order's status runs, after it, or while it is in flight), once the change feed has delivered what it owes the order
/// holds no stock and no captured money.
/// </summary>
public class OperatorMoveTests
{
    private static readonly StockLevel Untouched = new(10, 0, 0);

    private InMemorySystem _system = null!;

    public enum Timing
    {
        /// <summary>The move lands before the stage of the order's status runs; that stage's message arrives later.</summary>
        BeforeTheStage,

        /// <summary>As <see cref="BeforeTheStage"/>, but the given-up status's own stage (compensation) runs first.</summary>
        BeforeTheStageCompensatedFirst,

        /// <summary>The move lands between the stage's side effects (reserve, capture, ship) and its write.</summary>
        WhileTheStageIsInFlight,
    }

    public static IEnumerable<TestCaseData> GiveUps() =>
        from move in OrderTransitions.OperatorMoves
        from timing in Enum.GetValues<Timing>()
        select new TestCaseData(move.From, move.To, timing).SetArgDisplayNames(move.From.ToWire(), move.To.ToWire(), timing.ToString());

    [SetUp]
    public async Task SetUp()
    {
        _system = new InMemorySystem();
        await _system.StockAsync("sku-1", 9.99m, 10);
    }

    [TestCaseSource(nameof(GiveUps))]
    public async Task GivingAnOrderUp_LeavesNoStockReservedAndNoPaymentCaptured(OrderStatus from, OrderStatus to, Timing timing)
    {
        var orderId = await PlaceAndRunUntilAsync(from);
        var stageOfFrom = PipelineStages.RoutedTo(from)!;

        if (timing == Timing.WhileTheStageIsInFlight)
        {
            var racing = new InterferingOrderRepository(_system.Orders, async () => await _system.Service.MoveAsync(orderId, to));
            await new PipelineStages(_system).Create(stageOfFrom, racing).HandleAsync(orderId);
            await DeliverAsync(_system.StageFor(to), orderId);
        }
        else
        {
            await _system.Service.MoveAsync(orderId, to);
            if (timing == Timing.BeforeTheStageCompensatedFirst)
            {
                await DeliverAsync(_system.StageFor(to), orderId);
                await DeliverAsync(new PipelineStages(_system).Create(stageOfFrom), orderId);
            }
            else
            {
                await DeliverAsync(new PipelineStages(_system).Create(stageOfFrom), orderId);
                await DeliverAsync(_system.StageFor(to), orderId);
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(to));
            Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(Untouched), "a given-up order holds no stock");
            Assert.That(_system.Ledger.Records.Where(r => r.Status == PaymentStatus.Captured), Is.Empty, "a given-up order keeps no money");
        }
    }

    [Test]
    public async Task CancellingAPaidOrder_RefundsItsCapture()
    {
        var orderId = await PlaceAndRunUntilAsync(OrderStatus.Paid);

        await _system.Service.MoveAsync(orderId, OrderStatus.Cancelled);
        var order = await _system.RunPipelineAsync(orderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(Untouched));
    }

    private static async Task DeliverAsync(Core.Pipeline.IOrderStage? stage, string orderId)
    {
        if (stage is not null)
        {
            await stage.HandleAsync(orderId);
        }
    }

    // Places an order for 2 units and lets the stages take it to status, as they would before an operator steps in.
    private async Task<string> PlaceAndRunUntilAsync(OrderStatus status)
    {
        var orderId = (await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithLine("sku-1", 2).Build())).OrderId;
        for (var step = 0; step < 5; step++)
        {
            var current = (await _system.OrderAsync(orderId)).Status;
            if (current == status)
            {
                return orderId;
            }

            _system.Clock.Advance(TimeSpan.FromSeconds(1));
            await _system.StageFor(current)!.HandleAsync(orderId);
        }

        throw new InvalidOperationException($"The stages did not take order {orderId} to {status.ToWire()}.");
    }
}
