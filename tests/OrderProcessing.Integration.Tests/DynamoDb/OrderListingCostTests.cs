using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.DynamoDb;

/// <summary>
/// What listings cost in requests (counted, never timed): the sharded indexes must not multiply every page by the shard
/// count, because cursors remember each shard's next item.
/// </summary>
[TestFixture]
public sealed class OrderListingCostTests
{
    private const int Orders = 120;
    private readonly SandboxTracker _sandboxes = new();
    private StorageSandbox _storage = null!;
    private DynamoDbOrderRepository _repository = null!;

    [OneTimeSetUp]
    public async Task StoreOrders()
    {
        _storage = await _sandboxes.CreateAsync();
        _repository = new DynamoDbOrderRepository(_storage.DynamoDb, _storage.Names.Table(StorageSchema.Orders));
        var start = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Orders; i++)
        {
            await _repository.AddAsync(StorageOrders.New().WithId($"o-{i:D3}").WithCustomer("cust-1").PlacedAt(start.AddSeconds(i)).Build());
        }
    }

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();

    [Test]
    public async Task AllOrders_OnePerPage_QueriesAboutOneShardPerPage()
    {
        var shards = StorageSchema.Orders.Index("byTime").WriteShards;

        var (pages, queries) = await WalkAsync(new OrderQuery(null, null, 1, null));

        Assert.That(pages, Is.EqualTo(Orders));
        Assert.That(queries.Select(q => q.IndexName).Distinct(), Is.EqualTo(new[] { "byTime" }));
        Assert.That(queries, Has.Count.LessThanOrEqualTo(pages + (2 * shards)), "a page of one item must not query every shard");
    }

    [Test]
    public async Task OneCustomer_AnyPageSize_IsOneQueryPerPage([Values(1, 7, 100)] int pageSize)
    {
        var (pages, queries) = await WalkAsync(new OrderQuery(null, "cust-1", pageSize, null));

        Assert.That(queries.Select(q => q.IndexName).Distinct(), Is.EqualTo(new[] { "byCustomer" }));
        Assert.That(queries, Has.Count.EqualTo(pages));
    }

    [Test]
    public async Task AllOrders_FullPages_ReadFewItemsBeyondThePage([Values(20, 100)] int pageSize)
    {
        var (_, queries) = await WalkAsync(new OrderQuery(null, null, pageSize, null));

        // Requested item counts (Limit) bound what DynamoDB reads and bills; a fair share per shard keeps it near the page.
        Assert.That(queries.Sum(q => q.Limit ?? 0), Is.LessThanOrEqualTo(Orders * 2));
    }

    private async Task<(int Pages, List<QueryRequest> Queries)> WalkAsync(OrderQuery query)
    {
        _storage.Requests.Clear();
        var pages = 0;
        var cursor = query.Cursor;
        do
        {
            var page = await _repository.ListAsync(query with { Cursor = cursor });
            pages++;
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var queries = _storage.Requests.Requests.OfType<QueryRequest>().ToList();
        AccessPatterns.AssertDeclared(_storage);
        return (pages, queries);
    }
}
