using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Orders;

namespace OrderProcessing.Core.Tests.Pipeline;

/// <summary>
/// Messages arrive in any order: a stage handed an order in a status it is not for (every stage x every other
/// status) writes nothing and has no side effect.
/// </summary>
public class OutOfOrderDeliveryTests
{
    private static IEnumerable<TestCaseData> StageAndForeignStatus() =>
        from stage in PipelineStages.Names
        from status in Enum.GetValues<OrderStatus>()
        where PipelineStages.Trigger[stage] != status
        select new TestCaseData(stage, status).SetArgDisplayNames(stage, status.ToWire());

    [TestCaseSource(nameof(StageAndForeignStatus))]
    public async Task Stage_GivenAnOrderInAnotherStatus_DoesNothing(string stageName, OrderStatus status)
    {
        var system = new InMemorySystem();
        await system.StockAsync("sku-1", 9.99m, 10);
        var stored = new OrderBuilder().WithId("ord_x").WithLine("sku-1", 2, 9.99m).InStatus(status).Build();
        await system.Orders.AddAsync(stored);

        var outcome = await new PipelineStages(system).Create(stageName).HandleAsync("ord_x");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Advanced, Is.False);
            Snapshots.AssertEqual((await system.OrderAsync("ord_x")).ToSnapshot(), stored.ToSnapshot());
            Assert.That(await system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
            Assert.That(system.Ledger.Records, Is.Empty);
            Assert.That(await system.Invoices.GetAsync("ord_x"), Is.Null);
        }
    }
}
