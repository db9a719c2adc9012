using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Tests.Catalog;

/// <summary>Stock arithmetic of the in-memory inventory: reservations per (order, product), each step at most once.</summary>
public class ReservationTests
{
    private InMemoryCatalog _catalog = null!;

    [SetUp]
    public async Task SetUp()
    {
        _catalog = new InMemoryCatalog();
        await _catalog.UpsertAsync("sku-1", "Widget", new Money(1m, Currency.Usd), 10);
    }

    [Test]
    public async Task Reserve_MovesUnitsFromAvailableToReserved()
    {
        Assert.That(await _catalog.ReserveAsync("ord_1", "sku-1", 3), Is.EqualTo(ReservationOutcome.Reserved));
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(7, 3, 0)));
    }

    [Test]
    public async Task Reserve_Repeated_IsANoOp_EvenWithAnotherQuantity()
    {
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);

        Assert.That(await _catalog.ReserveAsync("ord_1", "sku-1", 3), Is.EqualTo(ReservationOutcome.AlreadyReserved));
        Assert.That(await _catalog.ReserveAsync("ord_1", "sku-1", 5), Is.EqualTo(ReservationOutcome.AlreadyReserved));
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(7, 3, 0)));
    }

    [Test]
    public async Task Reserve_AllThatIsAvailable_Succeeds_OneMoreUnitDoesNot()
    {
        Assert.That(await _catalog.ReserveAsync("ord_1", "sku-1", 11), Is.EqualTo(ReservationOutcome.InsufficientStock));
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(await _catalog.ReserveAsync("ord_1", "sku-1", 10), Is.EqualTo(ReservationOutcome.Reserved));
        Assert.That(await _catalog.ReserveAsync("ord_2", "sku-1", 1), Is.EqualTo(ReservationOutcome.InsufficientStock));
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(0, 10, 0)));
    }

    [Test]
    public async Task Reserve_AfterRelease_IsAlreadySettled_AndTakesNothing()
    {
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);
        await _catalog.ReleaseAsync("ord_1", "sku-1");

        Assert.That(await _catalog.ReserveAsync("ord_1", "sku-1", 3), Is.EqualTo(ReservationOutcome.AlreadySettled));
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task Reserve_AfterShipping_IsAlreadySettled()
    {
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);
        await _catalog.ShipAsync("ord_1", "sku-1");

        Assert.That(await _catalog.ReserveAsync("ord_1", "sku-1", 3), Is.EqualTo(ReservationOutcome.AlreadySettled));
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(7, 0, 3)));
    }

    [Test]
    public async Task Reserve_UnknownProduct_ChangesNothing() =>
        Assert.That(await _catalog.ReserveAsync("ord_1", "nope", 1), Is.EqualTo(ReservationOutcome.UnknownProduct));

    [Test]
    public async Task Release_ReturnsReservedUnits_Once()
    {
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);

        Assert.That(await _catalog.ReleaseAsync("ord_1", "sku-1"), Is.True);
        Assert.That(await _catalog.ReleaseAsync("ord_1", "sku-1"), Is.False);
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task Release_OfAnOrderThatNeverReserved_ChangesNothing()
    {
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);

        Assert.That(await _catalog.ReleaseAsync("ord_2", "sku-1"), Is.False);
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(7, 3, 0)));
    }

    [Test]
    public async Task Ship_MovesReservedToShipped_Once()
    {
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);

        Assert.That(await _catalog.ShipAsync("ord_1", "sku-1"), Is.True);
        Assert.That(await _catalog.ShipAsync("ord_1", "sku-1"), Is.False);
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(7, 0, 3)));
    }

    [Test]
    public async Task Ship_WithoutAReservation_OrAfterRelease_ChangesNothing()
    {
        Assert.That(await _catalog.ShipAsync("ord_1", "sku-1"), Is.False);
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);
        await _catalog.ReleaseAsync("ord_1", "sku-1");

        Assert.That(await _catalog.ShipAsync("ord_1", "sku-1"), Is.False);
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task Release_AfterShipping_ReturnsTheShippedUnits_ForACancelledShipment()
    {
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);
        await _catalog.ShipAsync("ord_1", "sku-1");

        Assert.That(await _catalog.ReleaseAsync("ord_1", "sku-1"), Is.True);
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task SettingAvailableStock_KeepsReservedAndShipped()
    {
        await _catalog.ReserveAsync("ord_1", "sku-1", 3);
        await _catalog.ReserveAsync("ord_2", "sku-1", 2);
        await _catalog.ShipAsync("ord_2", "sku-1");

        await _catalog.UpsertAsync("sku-1", "Widget", new Money(1m, Currency.Usd), 100);

        Assert.That(await Stock(), Is.EqualTo(new StockLevel(100, 3, 2)));
    }

    [Test]
    public async Task ParallelReservations_OfOneOrderLine_TakeStockOnce()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => _catalog.ReserveAsync("ord_1", "sku-1", 3))));

        Assert.That(outcomes.Count(o => o == ReservationOutcome.Reserved), Is.EqualTo(1));
        Assert.That(outcomes.Count(o => o == ReservationOutcome.AlreadyReserved), Is.EqualTo(31));
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(7, 3, 0)));
    }

    [Test]
    public async Task ParallelReservations_OfManyOrders_NeverOversell()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => _catalog.ReserveAsync($"ord_{i}", "sku-1", 3))));

        Assert.That(outcomes.Count(o => o == ReservationOutcome.Reserved), Is.EqualTo(3));
        Assert.That(outcomes.Count(o => o == ReservationOutcome.InsufficientStock), Is.EqualTo(29));
        Assert.That(await Stock(), Is.EqualTo(new StockLevel(1, 9, 0)));
    }

    private async Task<StockLevel?> Stock() => await _catalog.GetStockAsync("sku-1");
}
