using OrderProcessing.Core.Invoices;
using OrderProcessing.Functions.Adapters.S3;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The invoice store contract on the S3 adapter against s3rver: bodies must round-trip byte for byte.</summary>
[TestFixture]
public sealed class S3InvoiceStoreContractTests : InvoiceStoreContract
{
    private readonly SandboxTracker _sandboxes = new();

    /// <inheritdoc />
    protected override async Task<IInvoiceStore> CreateStoreAsync()
    {
        var storage = await _sandboxes.CreateAsync(withBucket: true);
        return new S3InvoiceStore(storage.S3, storage.Names.Bucket(StorageSchema.Invoices));
    }

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();
}
