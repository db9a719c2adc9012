using OrderProcessing.Core.Idempotency;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The idempotency store contract on the DynamoDB adapter against dynalite (which never deletes by TTL: expiry is the claim's own condition).</summary>
[TestFixture]
public sealed class DynamoDbIdempotencyStoreTests : IdempotencyStoreContract
{
    private readonly SandboxTracker _sandboxes = new();

    /// <inheritdoc />
    protected override async Task<IIdempotencyStore> CreateStoreAsync(TimeProvider clock)
    {
        var storage = await _sandboxes.CreateAsync();
        return new DynamoDbIdempotencyStore(storage.DynamoDb, storage.Names.Table(StorageSchema.Idempotency), clock);
    }

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();
}
