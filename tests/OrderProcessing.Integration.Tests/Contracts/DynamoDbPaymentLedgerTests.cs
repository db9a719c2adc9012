using OrderProcessing.Core.Payments;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The payment ledger contract on the DynamoDB adapter against dynalite.</summary>
[TestFixture]
public sealed class DynamoDbPaymentLedgerTests : PaymentLedgerContract
{
    private readonly SandboxTracker _sandboxes = new();

    /// <inheritdoc />
    protected override async Task<IPaymentLedger> CreateLedgerAsync()
    {
        var storage = await _sandboxes.CreateAsync();
        return new DynamoDbPaymentLedger(storage.DynamoDb, storage.Names.Table(StorageSchema.Payments));
    }

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();
}
