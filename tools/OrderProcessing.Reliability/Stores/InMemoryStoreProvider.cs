using OrderProcessing.Core.InMemory;

namespace OrderProcessing.Reliability.Stores;

/// <summary>Core's in-memory stores.</summary>
internal sealed class InMemoryStoreProvider : IStoreProvider
{
    public string Name => "in-memory";

    public Task<StorePorts> CreateAsync(TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var catalog = new InMemoryCatalog();
        return Task.FromResult(new StorePorts(
            Name,
            new InMemoryOrderRepository(),
            catalog,
            catalog,
            new InMemoryPaymentLedger(),
            new InMemoryInvoiceStore(),
            new InMemoryIdempotencyStore(clock)));
    }
}
