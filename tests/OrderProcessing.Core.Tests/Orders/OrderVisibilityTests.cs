using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Tests.Support;

namespace OrderProcessing.Core.Tests.Orders;

/// <summary>An order belongs to the customer who placed it: to anyone else it looks missing. And a customer's history reads page by page.</summary>
public class OrderVisibilityTests
{
    private InMemorySystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new InMemorySystem();
        await _system.StockAsync("sku-1", 9.99m, 1_000);
    }

    [Test]
    public async Task Get_ByItsCustomer_ReturnsTheOrder()
    {
        var order = await PlaceAsync("c-alice");

        Assert.That((await _system.Service.GetAsync(order.OrderId, "c-alice")).OrderId, Is.EqualTo(order.OrderId));
    }

    [Test]
    public async Task Get_BySomeoneElse_IsNotFoundLikeAMissingOrder()
    {
        var order = await PlaceAsync("c-alice");

        var theirs = Assert.ThrowsAsync<OrderNotFoundException>(() => _system.Service.GetAsync(order.OrderId, "c-bob"));
        var missing = Assert.ThrowsAsync<OrderNotFoundException>(() => _system.Service.GetAsync("ord_missing", "c-bob"));

        Assert.That(theirs!.Message.Replace(order.OrderId, "ID", StringComparison.Ordinal), Is.EqualTo(missing!.Message.Replace("ord_missing", "ID", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Cancel_BySomeoneElse_IsNotFound_AndChangesNothing()
    {
        var order = await PlaceAsync("c-alice");

        Assert.ThrowsAsync<OrderNotFoundException>(() => _system.Service.CancelAsync(order.OrderId, null, "c-bob"));

        Assert.That((await _system.OrderAsync(order.OrderId))!.Status, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task Invoice_BySomeoneElse_IsNotFound()
    {
        var order = await PlaceAsync("c-alice");

        Assert.ThrowsAsync<OrderNotFoundException>(() => _system.Service.GetInvoiceAsync(order.OrderId, "c-bob"));
    }

    [Test]
    public async Task History_LongerThanAPage_IsEveryOrderOfTheCustomerNewestFirst()
    {
        var placed = new List<string>();
        for (var i = 0; i < 230; i++)
        {
            placed.Add((await PlaceAsync(i % 10 == 0 ? "c-other" : "c-alice")).OrderId);
            _system.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var history = new List<string>();
        await foreach (var order in _system.Service.HistoryAsync("c-alice"))
        {
            history.Add(order.OrderId);
        }

        Assert.That(history, Is.EqualTo(placed.Where((_, i) => i % 10 != 0).Reverse().ToList()));
    }

    private async Task<Order> PlaceAsync(string customerId) =>
        (await _system.Service.PlaceAsync(new PlaceOrderRequestBuilder().WithCustomerId(customerId).WithLine("sku-1", 1).Build(), null)).Order;
}
