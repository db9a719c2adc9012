using OrderProcessing.Core.Catalog;

namespace OrderProcessing.Reliability.Tests.Chaos;

/// <summary>An inventory whose shipments and releases never move stock: what a stage that skipped its side effect would leave behind.</summary>
internal sealed class ForgetfulInventory(IInventory inner) : IInventory
{
    public Task<ReservationOutcome> ReserveAsync(string orderId, string productId, int quantity, CancellationToken cancellationToken = default) => inner.ReserveAsync(orderId, productId, quantity, cancellationToken);

    public Task<bool> ReleaseAsync(string orderId, string productId, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task<bool> ShipAsync(string orderId, string productId, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task<StockLevel?> GetStockAsync(string productId, CancellationToken cancellationToken = default) => inner.GetStockAsync(productId, cancellationToken);
}
