using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Testing.Time;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.DynamoDb;

/// <summary>
/// The reservation ledger inside the product item: settled entries are pruned after the retention so the item stays
/// bounded, live ones never are, and with no pruning in play the adapter behaves exactly like the in-memory store.
/// </summary>
[TestFixture]
public sealed class ReservationLedgerTests
{
    private static readonly Money Price = new(5m, Currency.Usd);
    private static readonly ReservationLedgerOptions OneHour = new() { SettledRetention = TimeSpan.FromHours(1) };
    private readonly SandboxTracker _sandboxes = new();

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();

    [Test]
    public async Task Settle_AfterTheRetention_PrunesOlderSettledEntries()
    {
        var clock = TestClock.New();
        var (catalog, inventory, ledger) = await CreateAsync(clock, OneHour);
        await catalog.UpsertAsync("sku-1", "Widget", Price, 100);
        for (var i = 0; i < 10; i++)
        {
            await inventory.ReserveAsync($"old-{i}", "sku-1", 1);
            await (i % 2 == 0 ? inventory.ReleaseAsync($"old-{i}", "sku-1") : inventory.ShipAsync($"old-{i}", "sku-1"));
        }

        clock.Advance(TimeSpan.FromMinutes(61));
        await inventory.ReserveAsync("new", "sku-1", 2);
        await inventory.ShipAsync("new", "sku-1");

        Assert.That((await ledger("sku-1")).Keys, Is.EquivalentTo(new[] { "new" }));
        Assert.That(await inventory.GetStockAsync("sku-1"), Is.EqualTo(new StockLevel(93, 0, 7)), "pruning moves no stock");
    }

    [Test]
    public async Task Settle_WithinTheRetention_KeepsSettledEntries()
    {
        var clock = TestClock.New();
        var (catalog, inventory, ledger) = await CreateAsync(clock, OneHour);
        await catalog.UpsertAsync("sku-1", "Widget", Price, 100);
        await inventory.ReserveAsync("recent", "sku-1", 1);
        await inventory.ReleaseAsync("recent", "sku-1");

        clock.Advance(TimeSpan.FromMinutes(59));
        await inventory.ReserveAsync("new", "sku-1", 1);
        await inventory.ReleaseAsync("new", "sku-1");

        Assert.That((await ledger("sku-1")).Keys, Is.EquivalentTo(new[] { "recent", "new" }));
        Assert.That(await inventory.ReserveAsync("recent", "sku-1", 1), Is.EqualTo(ReservationOutcome.AlreadySettled));
    }

    [Test]
    public async Task Prune_NeverRemovesALiveReservation()
    {
        var clock = TestClock.New();
        var (catalog, inventory, ledger) = await CreateAsync(clock, OneHour);
        await catalog.UpsertAsync("sku-1", "Widget", Price, 100);
        await inventory.ReserveAsync("live", "sku-1", 3);

        clock.Advance(TimeSpan.FromDays(3));
        await inventory.ReserveAsync("other", "sku-1", 1);
        await inventory.ReleaseAsync("other", "sku-1");

        Assert.That((await ledger("sku-1")).Keys, Does.Contain("live"));
        Assert.That(await inventory.ReserveAsync("live", "sku-1", 3), Is.EqualTo(ReservationOutcome.AlreadyReserved));
        Assert.That(await inventory.ShipAsync("live", "sku-1"), Is.True);
    }

    [Test]
    public async Task Ledger_UnderSteadyTraffic_HoldsOnlyTheRetentionWindow()
    {
        var clock = TestClock.New();
        var (catalog, inventory, ledger) = await CreateAsync(clock, OneHour);
        await catalog.UpsertAsync("sku-1", "Widget", Price, 1_000);

        // One order a minute for five hours, each reserved then shipped or released.
        for (var i = 0; i < 300; i++)
        {
            await inventory.ReserveAsync($"o-{i}", "sku-1", 1);
            await (i % 3 == 0 ? inventory.ReleaseAsync($"o-{i}", "sku-1") : inventory.ShipAsync($"o-{i}", "sku-1"));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var entries = await ledger("sku-1");
        Assert.That(entries, Has.Count.LessThanOrEqualTo(61), "an hour of settlements, not five");
        Assert.That((await inventory.GetStockAsync("sku-1"))!.Stocked, Is.EqualTo(1_000));
    }

    [Test]
    public async Task Reserve_AfterItsSettledEntryWasPruned_IsTakenAgain_TheDocumentedLimit()
    {
        // Past the retention an order's settled reservation is forgotten. Only a stage acting on an order that left
        // PENDING over an hour ago could ask again, and Core's stages re-read the order first; this pins the limit down.
        var clock = TestClock.New();
        var (catalog, inventory, _) = await CreateAsync(clock, OneHour);
        await catalog.UpsertAsync("sku-1", "Widget", Price, 10);
        await inventory.ReserveAsync("o-1", "sku-1", 1);
        await inventory.ReleaseAsync("o-1", "sku-1");
        clock.Advance(TimeSpan.FromHours(2));
        await inventory.ReserveAsync("o-2", "sku-1", 1);
        await inventory.ReleaseAsync("o-2", "sku-1");

        Assert.That(await inventory.ReserveAsync("o-1", "sku-1", 1), Is.EqualTo(ReservationOutcome.Reserved));
    }

    [Test]
    public async Task RandomOperations_GiveTheSameOutcomesAsTheInMemoryStore([Values(1, 2, 3, 4)] int seed)
    {
        var clock = TestClock.New();
        var (dynamo, dynamoStock, _) = await CreateAsync(clock, new ReservationLedgerOptions { SettledRetention = TimeSpan.FromDays(365) });
        var memory = new InMemoryCatalog();
        var random = new Random(seed);
        string[] products = ["p-1", "p-2", "p-3"];
        foreach (var p in products)
        {
            var stock = random.Next(0, 12);
            await dynamo.UpsertAsync(p, p, Price, stock);
            await memory.UpsertAsync(p, p, Price, stock);
        }

        for (var step = 0; step < 120; step++)
        {
            var order = $"o-{random.Next(0, 15)}";
            var product = random.Next(0, 10) == 0 ? "missing" : products[random.Next(products.Length)];
            var operation = random.Next(0, 10);
            var description = $"step {step}: op {operation} {order} {product}";
            switch (operation)
            {
                case < 5:
                    var quantity = random.Next(1, 5);
                    Assert.That(await dynamoStock.ReserveAsync(order, product, quantity), Is.EqualTo(await memory.ReserveAsync(order, product, quantity)), description);
                    break;
                case < 7:
                    Assert.That(await dynamoStock.ReleaseAsync(order, product), Is.EqualTo(await memory.ReleaseAsync(order, product)), description);
                    break;
                case < 9:
                    Assert.That(await dynamoStock.ShipAsync(order, product), Is.EqualTo(await memory.ShipAsync(order, product)), description);
                    break;
                default:
                    var available = random.Next(0, 12);
                    Assert.That(await dynamo.UpsertAsync(product, "renamed", Price, available), Is.EqualTo(await memory.UpsertAsync(product, "renamed", Price, available)), description);
                    break;
            }

            clock.Advance(TimeSpan.FromSeconds(random.Next(0, 100)));
        }

        foreach (var p in products.Append("missing"))
        {
            Assert.That(await dynamoStock.GetStockAsync(p), Is.EqualTo(await memory.GetStockAsync(p)), p);
        }
    }

    private async Task<(DynamoDbCatalog Catalog, DynamoDbInventory Inventory, Func<string, Task<Dictionary<string, AttributeValue>>> Ledger)> CreateAsync(TimeProvider clock, ReservationLedgerOptions options)
    {
        var storage = await _sandboxes.CreateAsync();
        var catalog = new DynamoDbCatalog(storage.DynamoDb, storage.Names.Table(StorageSchema.Products), clock);
        var inventory = new DynamoDbInventory(storage.DynamoDb, storage.Names.Table(StorageSchema.Products), clock, options);

        // Reads the raw item the way an operator would, outside the adapter.
        async Task<Dictionary<string, AttributeValue>> Ledger(string productId)
        {
            var item = await storage.DynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = storage.Names.Table(StorageSchema.Products),
                Key = new() { [ProductItemAttributes.ProductId] = new AttributeValue { S = productId } },
                ConsistentRead = true,
            });
            return item.Item[ProductItemAttributes.Ledger].M;
        }

        return (catalog, inventory, Ledger);
    }
}
