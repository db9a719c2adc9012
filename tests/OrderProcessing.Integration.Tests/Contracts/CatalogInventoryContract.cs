using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>
/// What every <see cref="ICatalog"/> + <see cref="IInventory"/> must do, run against each implementation: reservations
/// once per (order, product), stock never negative, every unit accounted for.
/// </summary>
public abstract class CatalogInventoryContract
{
    private static readonly Money Price = new(19.99m, Currency.Usd);

    /// <summary>A fresh, empty store implementing both ports.</summary>
    protected abstract Task<(ICatalog Catalog, IInventory Inventory)> CreateAsync();

    [Test]
    public async Task Upsert_NewProduct_IsCreatedWithItsPriceAndStock()
    {
        var (catalog, _) = await CreateAsync();

        var created = await catalog.UpsertAsync("sku-1", "Widget", Price, 7);

        Assert.That(created, Is.True);
        Assert.That(await catalog.GetAsync("sku-1"), Is.EqualTo(new Product("sku-1", "Widget", Price, new StockLevel(7, 0, 0))));
    }

    [Test]
    public async Task Upsert_ExistingProduct_UpdatesNamePriceAndAvailableAndKeepsReservedAndShipped()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 3);
        await inventory.ReserveAsync("o-2", "sku-1", 2);
        await inventory.ShipAsync("o-2", "sku-1");

        var created = await catalog.UpsertAsync("sku-1", "Widget II", new Money(5m, Currency.Eur), 100);

        Assert.That(created, Is.False);
        Assert.That(await catalog.GetAsync("sku-1"), Is.EqualTo(new Product("sku-1", "Widget II", new Money(5m, Currency.Eur), new StockLevel(100, 3, 2))));
        Assert.That(await inventory.ReleaseAsync("o-1", "sku-1"), Is.True, "reservations survive an update of the product");
    }

    [Test]
    public async Task Upsert_ConcurrentCreates_CreateOnce()
    {
        var (catalog, _) = await CreateAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => catalog.UpsertAsync("sku-1", $"Widget {i}", Price, i))));

        Assert.That(created.Count(c => c), Is.EqualTo(1));
        Assert.That((await catalog.GetAsync("sku-1"))!.Stock.Reserved, Is.Zero);
    }

    [Test]
    public async Task Get_UnknownProduct_ReturnsNull()
    {
        var (catalog, inventory) = await CreateAsync();

        Assert.That(await catalog.GetAsync("nope"), Is.Null);
        Assert.That(await inventory.GetStockAsync("nope"), Is.Null);
    }

    [Test]
    public async Task GetMany_ReturnsOnlyTheProductsThatExist()
    {
        var (catalog, _) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "One", Price, 1);
        await catalog.UpsertAsync("sku-2", "Two", Price, 2);

        var found = await catalog.GetManyAsync(["sku-1", "sku-2", "sku-2", "missing"]);

        Assert.That(found.Keys, Is.EquivalentTo(new[] { "sku-1", "sku-2" }));
        Assert.That(found["sku-2"], Is.EqualTo(new Product("sku-2", "Two", Price, new StockLevel(2, 0, 0))));
    }

    [Test]
    public async Task List_WalksEveryProductInIdOrder([Values(1, 2, 3, 7, 100)] int pageSize)
    {
        var (catalog, _) = await CreateAsync();
        var ids = Enumerable.Range(0, 7).Select(i => $"sku-{(i * 5) % 7}").ToList();
        foreach (var id in ids)
        {
            await catalog.UpsertAsync(id, "P " + id, Price, 1);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await catalog.ListAsync(pageSize, cursor);
            Assert.That(page.Items, Has.Count.LessThanOrEqualTo(pageSize));
            if (page.NextCursor is not null)
            {
                Assert.That(page.Items, Has.Count.EqualTo(pageSize), "only the last page may be short");
            }

            seen.AddRange(page.Items.Select(p => p.ProductId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(ids.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task List_TamperedCursor_IsAValidationErrorOnCursor()
    {
        var (catalog, _) = await CreateAsync();
        await catalog.UpsertAsync("a", "A", Price, 1);
        await catalog.UpsertAsync("b", "B", Price, 1);
        var cursor = (await catalog.ListAsync(1, null)).NextCursor!;
        var tampered = (cursor[0] == 'A' ? "g" : "A") + cursor[1..];

        var e = Assert.ThrowsAsync<ValidationException>(() => catalog.ListAsync(1, tampered));
        Assert.That(e!.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
    }

    [Test]
    public async Task Reserve_AvailableStock_MovesUnitsToReserved()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);

        var outcome = await inventory.ReserveAsync("o-1", "sku-1", 4);

        Assert.That(outcome, Is.EqualTo(ReservationOutcome.Reserved));
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(6, 4, 0)));
    }

    [Test]
    public async Task Reserve_EveryLastUnit_LeavesZeroAvailable()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 3);

        Assert.That(await inventory.ReserveAsync("o-1", "sku-1", 3), Is.EqualTo(ReservationOutcome.Reserved));
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(0, 3, 0)));
    }

    [Test]
    public async Task Reserve_Repeated_IsAlreadyReservedAndTakesNothing()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 4);

        var again = await inventory.ReserveAsync("o-1", "sku-1", 4);

        Assert.That(again, Is.EqualTo(ReservationOutcome.AlreadyReserved));
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(6, 4, 0)));
    }

    [Test]
    public async Task Reserve_MoreThanAvailable_IsInsufficientAndTakesNothing()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 3);

        var outcome = await inventory.ReserveAsync("o-1", "sku-1", 4);

        Assert.That(outcome, Is.EqualTo(ReservationOutcome.InsufficientStock));
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(3, 0, 0)));
        Assert.That(await inventory.ReleaseAsync("o-1", "sku-1"), Is.False, "a refused reservation holds nothing");
    }

    [Test]
    public async Task Reserve_UnknownProduct_IsUnknownProduct()
    {
        var (_, inventory) = await CreateAsync();

        Assert.That(await inventory.ReserveAsync("o-1", "missing", 1), Is.EqualTo(ReservationOutcome.UnknownProduct));
    }

    [Test]
    public async Task Reserve_ZeroUnits_IsRejected()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 3);

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => inventory.ReserveAsync("o-1", "sku-1", 0));
    }

    [Test]
    public async Task Release_Reserved_ReturnsUnitsOnce()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 4);

        Assert.That(await inventory.ReleaseAsync("o-1", "sku-1"), Is.True);
        Assert.That(await inventory.ReleaseAsync("o-1", "sku-1"), Is.False, "second release");
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task Release_NeverReserved_ChangesNothing()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);

        Assert.That(await inventory.ReleaseAsync("o-1", "sku-1"), Is.False);
        Assert.That(await inventory.ReleaseAsync("o-1", "missing"), Is.False);
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task Reserve_AfterRelease_IsAlreadySettled()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 4);
        await inventory.ReleaseAsync("o-1", "sku-1");

        Assert.That(await inventory.ReserveAsync("o-1", "sku-1", 4), Is.EqualTo(ReservationOutcome.AlreadySettled));
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task Ship_Reserved_MovesUnitsToShippedOnce()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 4);

        Assert.That(await inventory.ShipAsync("o-1", "sku-1"), Is.True);
        Assert.That(await inventory.ShipAsync("o-1", "sku-1"), Is.False, "second ship");
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(6, 0, 4)));
    }

    [Test]
    public async Task Ship_NeverReservedOrReleased_ChangesNothing()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-2", "sku-1", 2);
        await inventory.ReleaseAsync("o-2", "sku-1");

        Assert.That(await inventory.ShipAsync("o-1", "sku-1"), Is.False, "never reserved");
        Assert.That(await inventory.ShipAsync("o-2", "sku-1"), Is.False, "released");
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task Release_AfterShip_ReturnsShippedUnitsOnce()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 4);
        await inventory.ShipAsync("o-1", "sku-1");

        Assert.That(await inventory.ReleaseAsync("o-1", "sku-1"), Is.True);
        Assert.That(await inventory.ReleaseAsync("o-1", "sku-1"), Is.False);
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task Reserve_AfterShip_IsAlreadySettled()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 4);
        await inventory.ShipAsync("o-1", "sku-1");

        Assert.That(await inventory.ReserveAsync("o-1", "sku-1", 4), Is.EqualTo(ReservationOutcome.AlreadySettled));
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(6, 0, 4)));
    }

    [Test]
    public async Task Reservations_ArePerOrderAndProduct()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "One", Price, 10);
        await catalog.UpsertAsync("sku-2", "Two", Price, 10);

        await inventory.ReserveAsync("o-1", "sku-1", 1);
        await inventory.ReserveAsync("o-1", "sku-2", 2);
        await inventory.ReserveAsync("o-2", "sku-1", 3);
        await inventory.ReleaseAsync("o-1", "sku-1");

        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(7, 3, 0)));
        Assert.That(await inventory.GetStockAsync("sku-2"), Is.EqualTo(new StockLevel(8, 2, 0)));
        Assert.That(await inventory.ReserveAsync("o-1", "sku-2", 2), Is.EqualTo(ReservationOutcome.AlreadyReserved));
    }

    [Test]
    public async Task Reserve_FiftyOrdersAtOnceForTenUnits_ReservesExactlyTen()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-hot", "Hot item", Price, 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => inventory.ReserveAsync($"o-{i}", "sku-hot", 1))));

        Assert.That(outcomes.Count(o => o == ReservationOutcome.Reserved), Is.EqualTo(10));
        Assert.That(outcomes.Count(o => o == ReservationOutcome.InsufficientStock), Is.EqualTo(40));
        Assert.That(await inventory.GetStockAsync("sku-hot"), Is.EqualTo(new StockLevel(0, 10, 0)));
    }

    [Test]
    public async Task Reserve_SameReservationDeliveredThreeTimesAtOnce_ReservesOnce()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => inventory.ReserveAsync("o-1", "sku-1", 4))));

        Assert.That(outcomes.Count(o => o == ReservationOutcome.Reserved), Is.EqualTo(1));
        Assert.That(outcomes.Count(o => o == ReservationOutcome.AlreadyReserved), Is.EqualTo(2));
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(6, 4, 0)));
    }

    [Test]
    public async Task ConcurrentReleasesAndShipsOfOneOrder_MoveStockOnce()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 4);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => i % 2 == 0 ? inventory.ReleaseAsync("o-1", "sku-1") : inventory.ShipAsync("o-1", "sku-1"))));

        // Whatever the interleaving a release settles last: before the ship (which then finds nothing) or after it.
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(results.Count(r => r), Is.InRange(1, 2), "one release, or one ship then one release");
    }

    [Test]
    public async Task MixedConcurrentTraffic_ConservesEveryUnitAndNeverGoesNegative()
    {
        var (catalog, inventory) = await CreateAsync();
        await catalog.UpsertAsync("sku-1", "Widget", Price, 20);

        // Each order reserves, then ships or releases, while the others do the same.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            var order = $"o-{i}";
            if (await inventory.ReserveAsync(order, "sku-1", 1 + (i % 3)) != ReservationOutcome.Reserved)
            {
                return;
            }

            if (i % 2 == 0)
            {
                await inventory.ShipAsync(order, "sku-1");
            }

            if (i % 3 == 0)
            {
                await inventory.ReleaseAsync(order, "sku-1");
            }
        })));

        var stock = await inventory.GetStockAsync("sku-1");
        Assert.That(stock!.Stocked, Is.EqualTo(20));
        Assert.That(new[] { stock.Available, stock.Reserved, stock.Shipped }, Is.All.GreaterThanOrEqualTo(0));
    }
}
