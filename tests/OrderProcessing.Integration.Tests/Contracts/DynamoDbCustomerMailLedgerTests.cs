using OrderProcessing.Core.Notifications;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The customer mail ledger contract on the DynamoDB adapter (the idempotency table) against dynalite.</summary>
[TestFixture]
public sealed class DynamoDbCustomerMailLedgerTests : CustomerMailLedgerContract
{
    private readonly SandboxTracker _sandboxes = new();

    /// <inheritdoc />
    protected override async Task<ICustomerMailLedger> CreateLedgerAsync(TimeProvider clock)
    {
        var storage = await _sandboxes.CreateAsync();
        return new DynamoDbCustomerMailLedger(storage.DynamoDb, storage.Names.Table(StorageSchema.Idempotency), clock);
    }

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();
}
